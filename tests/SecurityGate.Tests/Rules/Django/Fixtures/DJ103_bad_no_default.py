import os

# expect: DJ103
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
