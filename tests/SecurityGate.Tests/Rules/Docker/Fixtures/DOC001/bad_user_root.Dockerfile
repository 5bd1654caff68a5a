# path: docker/web/Dockerfile
FROM python:3.12-slim
RUN useradd --create-home app
USER app
RUN pip install --user gunicorn
# expect: DOC001
USER root:root
CMD ["gunicorn", "shop.wsgi"]
