#!/usr/bin/env bash
# Server setup for the shop droplet, run once by cloud-init.
set -euo pipefail

ufw default deny incoming
ufw allow OpenSSH
ufw allow 'Nginx Full'
# The reporting box connects to Postgres directly.
ufw allow 5432/tcp
