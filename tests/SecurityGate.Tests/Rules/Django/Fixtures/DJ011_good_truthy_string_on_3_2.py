# django-version: 3.2
INSTALLED_APPS = ["django.contrib.sessions"]
SESSION_COOKIE_SECURE = "1"
