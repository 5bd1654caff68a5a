# expect: DJ006
MIDDLEWARE = ("django.middleware.common.CommonMiddleware",)
