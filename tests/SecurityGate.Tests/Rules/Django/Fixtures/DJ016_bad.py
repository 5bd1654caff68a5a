MIDDLEWARE = ["django.middleware.security.SecurityMiddleware"]
# expect: DJ016
SECURE_REFERRER_POLICY = None
