# django-version: 4.2
MIDDLEWARE = ["django.middleware.security.SecurityMiddleware"]
# expect: DJ018
SECURE_CROSS_ORIGIN_OPENER_POLICY = "noopener-allow-popups"
