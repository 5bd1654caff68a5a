MIDDLEWARE = ["django.middleware.csrf.CsrfViewMiddleware"]
# expect: DJ013
CSRF_COOKIE_SECURE = 0
