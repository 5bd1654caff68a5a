# django-version: 3.2
# expect: DJ020
DEFAULT_HASHING_ALGORITHM = "md5"
