# django-version: 4.2
MIDDLEWARE = ["csp.middleware.CSPMiddleware"]
CSP_DEFAULT_SRC = ("'self'",)
