# path: Dockerfile
# expect: DOC002
ARG PIP_INDEX_TOKEN=glpat-aaaaBBBBccccDDDD1234
FROM python:3.12-slim
# expect: DOC002
ARG SENTRY_AUTH_TOKEN=sntrys_abcdefghijklmnopqrstuvwxyz
ENV PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=shop.settings.production \
    # expect: DOC002
    SECRET_KEY="django-insecure-9x!k2#long-and-committed" \
    GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D
# expect: DOC002
ENV DATABASE_URL=postgres://shop:hunter2hunter2@db:5432/shop
# expect: DOC002
ENV EMAIL_HOST_PASSWORD mail pass with spaces
USER app
