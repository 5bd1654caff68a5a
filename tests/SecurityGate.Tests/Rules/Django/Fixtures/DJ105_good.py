X_FRAME_OPTIONS = "DENY"
MIDDLEWARE = ["django.middleware.clickjacking.XFrameOptionsMiddleware"]
