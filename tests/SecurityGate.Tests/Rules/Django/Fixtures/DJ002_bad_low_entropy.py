# expect: DJ002
SECRET_KEY = "abcd" * 20
