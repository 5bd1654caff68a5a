# path: scripts/setup-server.sh
ufw default deny incoming
ufw allow 'Nginx Full'
# expect: FW004
ufw allow 5432/tcp
# expect: FW004
sudo ufw insert 1 allow 6379
# expect: FW004
ufw limit 27017
# expect: FW004
ufw allow from 0.0.0.0/0 to any port 2375 proto tcp
ufw --force enable
