from django.apps import AppConfig


class ShopConfig(AppConfig):
    name = "shop"
    default = True

    def ready(self):
        from . import checks  # noqa: F401  (registers the deploy checks)
