# expect: DJ110
ALLOWED_HOSTS = ["shop.example.com", "*"]
