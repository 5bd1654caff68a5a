# expect: DJ001
DEBUG = True
