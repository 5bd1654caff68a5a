# expect-at-module: DJ007
MIDDLEWARE = ["django.middleware.security.SecurityMiddleware"]
