# No env file: the production environment is unknown, so os.environ.get("X") is not guessed to be None.
import os

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY")
