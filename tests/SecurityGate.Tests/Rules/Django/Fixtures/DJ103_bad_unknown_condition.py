import sys
# expect: DJ103
if "runserver" in sys.argv:
    DEBUG = True
else:
    DEBUG = False
