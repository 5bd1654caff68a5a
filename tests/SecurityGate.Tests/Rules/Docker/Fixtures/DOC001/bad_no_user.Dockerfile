# path: Dockerfile
FROM python:3.12-slim AS builder
RUN pip wheel --wheel-dir /wheels -r requirements.txt
USER nobody

# expect: DOC001
FROM python:3.12-slim
COPY --from=builder /wheels /wheels
RUN pip install --no-index /wheels/*
COPY . /app
CMD ["gunicorn", "shop.wsgi", "--bind", "0.0.0.0:8000"]
