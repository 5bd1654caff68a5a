"""Local development settings (not deployed)."""
from .base import *  # noqa: F401,F403

DEBUG = True
