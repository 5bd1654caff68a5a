# expect: DJ111, DJ111
CSRF_TRUSTED_ORIGINS = ["http://shop.example.com", "https://*.example.com", "https://pay.example.com"]
