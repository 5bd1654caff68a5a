resource "aws_security_group" "admin" {
  name = "admin"

  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    # expect: NET000
    cidr_blocks = var.admin_cidrs
  }

  # expect: NET000
  dynamic "ingress" {
    for_each = var.extra_rules
    content {
      from_port   = ingress.value.port
      to_port     = ingress.value.port
      protocol    = "tcp"
      cidr_blocks = ingress.value.cidrs
    }
  }

  # Only HTTPS: whoever the sources are, nothing sensitive is opened.
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = var.admin_cidrs
  }
}

resource "digitalocean_firewall" "db" {
  name = "db"

  inbound_rule {
    protocol   = "tcp"
    port_range = "5432"
    # expect: NET000
    source_addresses = concat(["10.0.0.0/8"], var.db_sources)
  }
}

resource "google_compute_firewall" "public" {
  name          = "public"
  network       = "default"
  source_ranges = ["0.0.0.0/0"]

  allow {
    protocol = "tcp"
    # expect: NET000
    ports    = var.public_ports
  }
}
