# django-configurations: secure only because the environment overrides insecure BooleanValue defaults.
# env: DJANGO_DEBUG=no
# env: MYAPP_SECURE_SSL_REDIRECT= Yes
# env: DJANGO_SECRET_KEY=k8#Qv2!xLp9@Zr4$Wm7^Tn1&Hs6*Jd3(Fb5)Gc0-Ye8+Ua2=Xi
from configurations import Configuration, values


class Base(Configuration):
    # expect: DJ102
    DEBUG = values.BooleanValue(True)
    SECRET_KEY = values.SecretValue()


class Production(Base):
    # expect: DJ102
    SECURE_SSL_REDIRECT = values.BooleanValue(False, environ_prefix="MYAPP_")
    SESSION_COOKIE_SECURE = values.BooleanValue(True)
