# expect: DJ002
SECRET_KEY = "too-short-to-be-a-real-key"
