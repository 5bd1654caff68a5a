# path: Dockerfile
FROM python:3.12-slim AS base
RUN groupadd --system app && useradd --system --gid app --create-home app
USER app

FROM base AS final
WORKDIR /home/app
COPY --chown=app:app . .
CMD ["gunicorn", "shop.wsgi", "--bind", "0.0.0.0:8000"]
