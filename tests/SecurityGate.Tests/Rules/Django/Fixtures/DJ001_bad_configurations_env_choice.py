# django-configurations: the env file's DJANGO_CONFIGURATION picks Staging, whose BooleanValue(True, environ=False) turns DEBUG on.
# env: DJANGO_CONFIGURATION=Staging
# env: DJANGO_SECRET_KEY=k8#Qv2!xLp9@Zr4$Wm7^Tn1&Hs6*Jd3(Fb5)Gc0-Ye8+Ua2=Xi
import configurations
from configurations import values


class Common(configurations.Configuration):
    SECRET_KEY = values.SecretValue()
    DEBUG = False


class Staging(Common):
    # expect: DJ001
    DEBUG = values.BooleanValue(True, environ=False)


class Prod(Common):
    pass
