CSRF_TRUSTED_ORIGINS = ["https://shop.example.com"]
