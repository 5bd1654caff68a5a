# expect: DJ118
SILENCED_SYSTEM_CHECKS = ["security.W004", "urls.W002"]
