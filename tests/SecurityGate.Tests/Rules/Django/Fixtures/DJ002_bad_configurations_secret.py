# django-configurations: SecretValue reads DJANGO_SECRET_KEY, which holds a weak key.
# env: DJANGO_SECRET_KEY=short
from configurations import Configuration, values


class Prod(Configuration):
    # expect: DJ002
    SECRET_KEY = values.SecretValue()
