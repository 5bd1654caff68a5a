# django-version: 3.2
MIDDLEWARE = ["django.middleware.security.SecurityMiddleware"]
