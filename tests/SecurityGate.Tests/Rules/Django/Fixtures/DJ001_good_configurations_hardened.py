# django-configurations: Dev is insecure, but the deploy judges Prod (named like production), which is hardened.
# env: DJANGO_SECRET_KEY=k8#Qv2!xLp9@Zr4$Wm7^Tn1&Hs6*Jd3(Fb5)Gc0-Ye8+Ua2=Xi
# env: DJANGO_ALLOWED_HOSTS=example.com, www.example.com
from configurations import Configuration, values


class Common(Configuration):
    SECRET_KEY = values.SecretValue()
    ALLOWED_HOSTS = values.ListValue([])
    DEBUG = values.BooleanValue(False)
    MIDDLEWARE = [
        "django.middleware.security.SecurityMiddleware",
        "django.contrib.sessions.middleware.SessionMiddleware",
        "django.middleware.csrf.CsrfViewMiddleware",
        "django.middleware.clickjacking.XFrameOptionsMiddleware",
    ]


class SecurityMixin:
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True


class Dev(Common):
    DEBUG = True
    SECRET_KEY = "dev"


class Prod(SecurityMixin, Common):
    SECURE_SSL_REDIRECT = values.BooleanValue(True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
