# django-version: 4.2
from .base_debug import *  # the finding points into the base module
