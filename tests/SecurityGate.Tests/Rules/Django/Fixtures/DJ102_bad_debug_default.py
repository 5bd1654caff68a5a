# env: DJANGO_DEBUG=False
import os

# expect: DJ102
DEBUG = os.environ.get("DJANGO_DEBUG", "True") == "True"
