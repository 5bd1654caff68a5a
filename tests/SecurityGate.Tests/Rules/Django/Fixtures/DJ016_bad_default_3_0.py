# django-version: 3.0
# expect-at-module: DJ016
MIDDLEWARE = ["django.middleware.security.SecurityMiddleware"]
