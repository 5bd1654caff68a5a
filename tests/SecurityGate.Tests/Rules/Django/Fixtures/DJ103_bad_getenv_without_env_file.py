import os

# expect: DJ103
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY")
