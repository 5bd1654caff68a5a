# django-configurations: Prod inherits DEBUG from Common, whose BooleanValue default is True (no env file).
from configurations import Configuration, values


class Common(Configuration):
    SECRET_KEY = values.SecretValue()
    ALLOWED_HOSTS = ["example.com"]
    # expect: DJ001
    DEBUG = values.BooleanValue(True)


class Dev(Common):
    DEBUG = True


class Prod(Common):
    SECURE_SSL_REDIRECT = True
