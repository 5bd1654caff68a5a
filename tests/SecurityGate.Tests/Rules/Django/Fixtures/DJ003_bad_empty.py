# expect: DJ003
ALLOWED_HOSTS = []
