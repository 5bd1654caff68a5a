# path: scripts/deploy.sh
ufw --force enable
# expect: FW001
sudo ufw disable   # "temporarily" for the migration
