variable "admin_cidrs" {
  type    = list(string)
  default = ["203.0.113.0/24"]
}

variable "web_sources" {
  type = list(string)
}

variable "rules" {
  default = [
    { port = 22, cidrs = ["203.0.113.0/24"] },
    { port = 443, cidrs = ["0.0.0.0/0"] },
  ]
}

resource "aws_security_group" "web" {
  name = "web"

  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = var.admin_cidrs
  }

  # Unknown sources, but only HTTPS.
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = var.web_sources
  }

  # Sources from other resources exist only at apply time; they are never the internet.
  ingress {
    from_port       = 5432
    to_port         = 5432
    protocol        = "tcp"
    cidr_blocks     = [aws_vpc.main.cidr_block]
    security_groups = [aws_security_group.app.id]
  }

  dynamic "ingress" {
    for_each = var.rules
    content {
      from_port   = ingress.value.port
      to_port     = ingress.value.port
      protocol    = "tcp"
      cidr_blocks = ingress.value.cidrs
    }
  }
}
