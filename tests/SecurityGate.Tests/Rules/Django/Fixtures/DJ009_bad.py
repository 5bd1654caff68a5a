MIDDLEWARE = ["django.middleware.security.SecurityMiddleware"]
# expect: DJ009
SECURE_CONTENT_TYPE_NOSNIFF = False
