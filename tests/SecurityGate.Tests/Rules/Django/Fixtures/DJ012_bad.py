MIDDLEWARE = ["django.contrib.sessions.middleware.SessionMiddleware"]
# expect: DJ012
SESSION_COOKIE_HTTPONLY = False
