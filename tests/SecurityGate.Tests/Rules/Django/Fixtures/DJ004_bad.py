# expect: DJ004
MIDDLEWARE = [
    "django.middleware.common.CommonMiddleware",
]
