# path: Dockerfile
FROM python:3.12-slim AS dev
CMD ["python", "manage.py", "runserver", "0.0.0.0:8000"]

FROM python:3.12-slim
USER app
CMD ["python", "manage.py", "runserver"]
CMD ["gunicorn", "shop.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3"]
