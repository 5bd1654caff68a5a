# path: Dockerfile
FROM python:3.12-slim
USER app
EXPOSE 8000 2222
