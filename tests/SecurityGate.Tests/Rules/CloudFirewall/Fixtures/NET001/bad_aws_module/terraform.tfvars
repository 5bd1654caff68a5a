vpc_id      = "vpc-0abc1234"
# "Temporarily" opened while the VPN was down.
admin_cidrs = ["0.0.0.0/0"]
