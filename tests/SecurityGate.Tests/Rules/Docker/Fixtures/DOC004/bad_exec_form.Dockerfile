# path: Dockerfile
FROM python:3.12-slim
USER app
# expect: DOC004
CMD ["python", "manage.py", "runserver", "0.0.0.0:8000"]
