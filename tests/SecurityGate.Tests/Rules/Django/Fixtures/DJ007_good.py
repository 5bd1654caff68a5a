MIDDLEWARE = ["django.middleware.security.SecurityMiddleware"]
SECURE_HSTS_SECONDS = -1  # negative is truthy: Django does not warn (W005/W021 do)
