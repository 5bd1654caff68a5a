# env: SSL_REDIRECT=true
import environ

env = environ.Env(SSL_REDIRECT=(bool, False))
# expect: DJ102
SECURE_SSL_REDIRECT = env("SSL_REDIRECT")
