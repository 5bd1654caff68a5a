MIDDLEWARE = ["django.middleware.security.SecurityMiddleware"]
# expect: DJ017
SECURE_REFERRER_POLICY = "strict-origin, invalid-value"
