import os

# expect: DJ001
DEBUG = os.environ.get("DJANGO_DEBUG", "True") == "True"
