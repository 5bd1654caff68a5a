resource "aws_security_group" "debug" {
  name = "debug"

  ingress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    # expect: NET002
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group_rule" "all_tcp" {
  type              = "ingress"
  security_group_id = aws_security_group.debug.id
  from_port         = 0
  to_port           = 65535
  protocol          = "tcp"
  # expect: NET002
  ipv6_cidr_blocks  = ["::/0"]
}

resource "digitalocean_firewall" "open" {
  name = "open"

  inbound_rule {
    protocol   = "tcp"
    port_range = "1-65535"
    # expect: NET002
    source_addresses = ["0.0.0.0/0"]
  }

  inbound_rule {
    protocol   = "udp"
    port_range = "all"
    # expect: NET002
    source_addresses = ["::/0"]
  }
}

resource "google_compute_firewall" "everything" {
  name    = "everything"
  network = "default"

  allow {
    protocol = "all"
  }

  # expect: NET002
  source_ranges = ["0.0.0.0/0"]
}

resource "azurerm_network_security_rule" "any" {
  name                        = "any"
  priority                    = 100
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "*"
  source_port_range           = "*"
  destination_port_range      = "*"
  # expect: NET002
  source_address_prefix       = "0.0.0.0/0"
  destination_address_prefix  = "*"
  resource_group_name         = "rg"
  network_security_group_name = "nsg"
}

resource "hcloud_firewall" "any" {
  name = "any"

  rule {
    direction = "in"
    protocol  = "tcp"
    port      = "any"
    # expect: NET002
    source_ips = ["0.0.0.0/0", "::/0"]
  }
}
