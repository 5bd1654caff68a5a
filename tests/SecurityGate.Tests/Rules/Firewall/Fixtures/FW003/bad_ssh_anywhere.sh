# path: deploy/provision.sh
ufw default deny incoming
# expect: FW003
ufw allow 22/tcp
# expect: FW003
ufw allow OpenSSH && ufw allow 80,443/tcp
# expect: FW003
ufw allow proto tcp from any to any port 22
ufw --force enable
