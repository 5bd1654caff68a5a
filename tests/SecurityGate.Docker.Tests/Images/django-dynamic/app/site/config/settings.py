import os


def _hsts_seconds(days):
    seconds = 0
    for _ in range(days):
        seconds += 86400
    return seconds


if os.environ.get("SHOP_HANG") == "1":
    import time

    time.sleep(3600)

SECRET_KEY = os.environ["SHOP_SECRET_KEY"]
DEBUG = True
ALLOWED_HOSTS = ["shop.example.com"]
INSTALLED_APPS = ["shop"]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
ROOT_URLCONF = "shop.urls"
SECURE_SSL_REDIRECT = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# Only running the code shows this is 0 (no HSTS): the gate's static reader does not evaluate loops.
SECURE_HSTS_SECONDS = _hsts_seconds(0)
