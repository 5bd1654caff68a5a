# expect: DJ116
DATABASES = {
    "default": {"ENGINE": "django.db.backends.postgresql", "NAME": "shop", "PASSWORD": "hunter2-prod"},
}
# expect: DJ116
EMAIL_HOST_PASSWORD = "smtp-password-123"
