import os

from django.conf import settings
from django.core import checks


@checks.register(deploy=True)
def payment_key(app_configs, **kwargs):
    # A careless custom check that prints a secret: the gate must redact it.
    return [checks.Warning("Payment API calls are signed with " + settings.SECRET_KEY, id="shop.W001")]


@checks.register(deploy=True)
def samples(app_configs, **kwargs):
    if os.environ.get("SHOP_CHECK_SAMPLES") != "1":
        return []
    return [
        checks.Critical("The vault is open.", id="shop.C001"),
        checks.Error("First line of an error.\nSecond line of the same error.", hint="Close it.", id="shop.E001"),
        checks.Warning("An object name with a colon.", obj="field: (x) y", id="shop.W002"),
        checks.Warning("A warning without an id."),
        checks.Info("Just so you know.", hint="Nothing to do.", id="shop.I001"),
        checks.Debug("Debug detail.", id="shop.D001"),
    ]


@checks.register(deploy=True)
def network(app_configs, **kwargs):
    # SHOP_PROBE_PORT=N: report whether 127.0.0.1:N (a listener on the gate's host) is reachable from the check.
    port = os.environ.get("SHOP_PROBE_PORT")
    if not port:
        return []
    import socket

    try:
        socket.create_connection(("127.0.0.1", int(port)), timeout=2).close()
        return [checks.Info("host network reachable", id="shop.I900")]
    except OSError:
        return [checks.Info("host network unreachable", id="shop.I901")]
