# path: deploy/provision.sh
ufw default deny incoming
ufw allow 'Nginx Full'
ufw limit OpenSSH
yes | sudo ufw enable
