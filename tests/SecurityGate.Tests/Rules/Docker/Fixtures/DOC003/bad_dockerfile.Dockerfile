# path: Dockerfile
FROM python:3.12-slim
# expect: DOC003
ENV DJANGO_DEBUG=True PYTHONDONTWRITEBYTECODE=1
# expect: DOC003
ARG DEBUG=1
USER app
