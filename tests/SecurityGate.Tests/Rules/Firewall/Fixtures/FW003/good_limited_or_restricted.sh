# path: deploy/provision.sh
ufw default deny incoming
ufw limit 22/tcp
ufw allow from 203.0.113.0/24 to any port 22 proto tcp
ufw allow from $ADMIN_NETWORK to any port 22
ufw allow in on wg0 from 10.8.0.0/24 to any port 22
ufw allow from 198.51.100.7 port 22 to any port 8080
ufw deny 22
ufw --force enable
