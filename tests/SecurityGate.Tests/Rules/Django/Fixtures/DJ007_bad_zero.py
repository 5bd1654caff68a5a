MIDDLEWARE = ["django.middleware.security.SecurityMiddleware"]
# expect: DJ007
SECURE_HSTS_SECONDS = 0
