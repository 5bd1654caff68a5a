import os

SECRET_KEY = os.environ.get("SECRET_KEY", "django-insecure-dev")
DEBUG = os.environ.get("DEBUG") == "1"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
INSTALLED_APPS = []
MIDDLEWARE = []
ROOT_URLCONF = "shop.urls"
