locals {
  world = "0.0.0.0/0"
}

resource "aws_security_group" "web" {
  name   = "web"
  vpc_id = var.vpc_id

  ingress {
    description = "SSH for admins"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    # expect: NET001
    cidr_blocks = var.admin_cidrs
  }

  ingress {
    description = "HTTPS"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group_rule" "postgres" {
  type              = "ingress"
  security_group_id = aws_security_group.web.id
  from_port         = 5432
  to_port           = 5432
  protocol          = "tcp"
  cidr_blocks = [
    "10.0.0.0/8",
    # expect: NET001
    "0.0.0.0/0",
  ]
}

resource "aws_security_group_rule" "outbound_ssh" {
  type              = "egress"
  security_group_id = aws_security_group.web.id
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
}

resource "aws_vpc_security_group_ingress_rule" "redis_v6" {
  security_group_id = aws_security_group.web.id
  # expect: NET001
  cidr_ipv6         = "::/0"
  from_port         = var.cache_port
  to_port           = var.cache_port
  ip_protocol       = "tcp"
}

resource "aws_vpc_security_group_ingress_rule" "mongo" {
  security_group_id = aws_security_group.web.id
  # expect: NET001
  cidr_ipv4         = local.world
  from_port         = 27017
  to_port           = 27017
  ip_protocol       = "tcp"
}

resource "aws_vpc_security_group_ingress_rule" "from_lb" {
  security_group_id            = aws_security_group.web.id
  referenced_security_group_id = aws_security_group.web.id
  from_port                    = 5432
  to_port                      = 5432
  ip_protocol                  = "tcp"
}
