# path: deploy/provision.sh
set -euo pipefail
apt-get update && apt-get install -y nginx postgresql ufw
# expect: FW001
ufw default deny incoming
ufw allow 'Nginx Full'
ufw limit OpenSSH
