MIDDLEWARE = ["django.middleware.security.SecurityMiddleware"]
# expect: DJ010
SECURE_SSL_REDIRECT = "yes"
