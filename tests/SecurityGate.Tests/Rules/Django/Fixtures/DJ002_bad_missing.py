# expect-at-module: DJ002
DEBUG = False
