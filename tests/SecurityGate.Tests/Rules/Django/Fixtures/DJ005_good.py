MIDDLEWARE = []
MIDDLEWARE.append("django.middleware.clickjacking.XFrameOptionsMiddleware")
