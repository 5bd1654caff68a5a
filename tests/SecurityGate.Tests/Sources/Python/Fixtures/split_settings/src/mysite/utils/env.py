"""Small helpers to read settings from the environment."""
import os

TRUE_VALUES = ("1", "true", "yes", "on")


def env_bool(name, default=False):
    """Read a boolean flag from the environment."""
    return os.environ.get(name, str(default)).lower() in TRUE_VALUES


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]
