# django-version: 3.2
MIDDLEWARE = ["django.middleware.security.SecurityMiddleware"]
SECURE_CROSS_ORIGIN_OPENER_POLICY = "bogus"  # the setting does not exist before 4.0
