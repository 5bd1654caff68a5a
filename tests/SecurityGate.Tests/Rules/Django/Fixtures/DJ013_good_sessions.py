MIDDLEWARE = ["django.middleware.csrf.CsrfViewMiddleware"]
CSRF_USE_SESSIONS = True
