"""Production settings."""
from .base import *  # noqa: F401,F403
from .components.security import *  # noqa: F401,F403

DEBUG = False

ALLOWED_HOSTS = os.environ.get("DJANGO_ALLOWED_HOSTS", "example.com").split(",")

MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")
MIDDLEWARE += ["mysite.middleware.AuditMiddleware"]

DATABASES["default"] = {
    "ENGINE": "django.db.backends.postgresql",
    "NAME": os.environ["POSTGRES_DB"],
    "USER": os.environ.get("POSTGRES_USER", "postgres"),
    "PASSWORD": os.environ.get("POSTGRES_PASSWORD", ""),
    "HOST": os.environ.get("POSTGRES_HOST", "db"),
    "PORT": int(os.environ.get("POSTGRES_PORT", "5432")),
}

if os.environ.get("SENTRY_DSN"):
    import sentry_sdk

    sentry_sdk.init(dsn=os.environ["SENTRY_DSN"])
    SENTRY_ENABLED = True
else:
    SENTRY_ENABLED = False

try:
    from .local import *  # noqa: F401,F403
except ImportError:
    pass
