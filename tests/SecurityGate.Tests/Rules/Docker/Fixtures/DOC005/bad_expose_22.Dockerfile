# path: Dockerfile
FROM python:3.12-slim
RUN apt-get update && apt-get install -y openssh-server
USER app
# expect: DOC005
EXPOSE 8000 22/tcp
