# expect: DJ005
MIDDLEWARE = ["django.middleware.security.SecurityMiddleware"]
