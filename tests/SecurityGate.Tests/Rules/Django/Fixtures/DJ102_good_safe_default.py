# env: DJANGO_DEBUG=True
from decouple import config

DEBUG = config("DJANGO_DEBUG", default=False, cast=bool)
