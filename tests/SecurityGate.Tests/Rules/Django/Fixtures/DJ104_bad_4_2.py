# django-version: 4.2
# expect: DJ104
SECURE_BROWSER_XSS_FILTER = True
