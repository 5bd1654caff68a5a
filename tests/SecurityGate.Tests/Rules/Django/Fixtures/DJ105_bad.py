# expect: DJ105
SECURE_FRAME_DENY = True
# expect: DJ105
MIDDLEWARE_CLASSES = ["djangosecure.middleware.SecurityMiddleware"]
