# path: Dockerfile.dev
FROM python:3.12
CMD ["python", "manage.py", "runserver", "0.0.0.0:8000"]
