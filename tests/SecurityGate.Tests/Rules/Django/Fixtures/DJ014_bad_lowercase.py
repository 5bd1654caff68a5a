MIDDLEWARE = ["django.middleware.clickjacking.XFrameOptionsMiddleware"]
# expect: DJ014
X_FRAME_OPTIONS = "deny"
