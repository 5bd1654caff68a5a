# django-version: 4.2
DEFAULT_HASHING_ALGORITHM = "md5"  # removed in 4.0: no longer checked
