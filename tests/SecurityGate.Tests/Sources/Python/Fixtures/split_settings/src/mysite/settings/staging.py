from . import base
import mysite.settings.base as b
from .base import DEBUG as BASE_DEBUG, SECRET_KEY

DEBUG = base.DEBUG
HOSTS = b.ALLOWED_HOSTS
