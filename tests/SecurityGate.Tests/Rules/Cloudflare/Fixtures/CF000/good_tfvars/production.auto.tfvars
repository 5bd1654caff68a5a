ssl_mode = "strict"
