MIDDLEWARE = ["django.middleware.common.CommonMiddleware"]
MIDDLEWARE += ["django.middleware.csrf.CsrfViewMiddleware"]
