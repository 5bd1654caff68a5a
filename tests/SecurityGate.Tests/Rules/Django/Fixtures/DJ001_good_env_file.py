# env: DJANGO_DEBUG=False
import os

DEBUG = os.environ.get("DJANGO_DEBUG", "True") == "True"
