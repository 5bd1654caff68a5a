# Not judged itself (it is imported by DJ001_bad_base_module).
# expect: DJ001
DEBUG = 1
