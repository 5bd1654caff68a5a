# path: services/web/Dockerfile
FROM python:3.12-slim
USER app
# expect: DOC004
ENTRYPOINT python manage.py migrate && \
    python manage.py runserver 0.0.0.0:$PORT
