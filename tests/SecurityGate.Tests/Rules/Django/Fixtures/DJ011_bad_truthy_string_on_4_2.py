# django-version: 4.2
INSTALLED_APPS = ["django.contrib.sessions"]
# expect: DJ011
SESSION_COOKIE_SECURE = "1"
