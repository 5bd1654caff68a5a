MIDDLEWARE = ["django.middleware.security.SecurityMiddleware"]
SECURE_HSTS_SECONDS = 3600
# expect: DJ008
SECURE_HSTS_INCLUDE_SUBDOMAINS = 1
