# path: deploy/firewall.sh
# expect: FW002
ufw default allow
ufw default allow outgoing
ufw --force enable
