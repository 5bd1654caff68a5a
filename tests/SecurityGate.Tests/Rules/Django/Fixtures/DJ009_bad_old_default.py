# django-version: 2.2
# expect-at-module: DJ009
MIDDLEWARE = ["django.middleware.security.SecurityMiddleware"]
