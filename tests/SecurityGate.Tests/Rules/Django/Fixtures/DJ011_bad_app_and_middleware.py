INSTALLED_APPS = ["django.contrib.sessions"]
MIDDLEWARE = ["django.contrib.sessions.middleware.SessionMiddleware"]
# expect: DJ011
SESSION_COOKIE_SECURE = False
