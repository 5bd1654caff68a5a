# A single-droplet Django deploy on DigitalOcean.
resource "digitalocean_droplet" "app" {
  name   = "app-1"
  image  = "ubuntu-24-04-x64"
  size   = "s-2vcpu-4gb"
  region = "ams3"
}

resource "digitalocean_firewall" "app" {
  name        = "app"
  droplet_ids = [digitalocean_droplet.app.id]

  inbound_rule {
    protocol   = "tcp"
    port_range = "22"
    # expect: NET001
    source_addresses = ["0.0.0.0/0", "::/0"]
  }

  inbound_rule {
    protocol         = "tcp"
    port_range       = "80"
    source_addresses = ["0.0.0.0/0", "::/0"]
  }

  inbound_rule {
    protocol         = "tcp"
    port_range       = "443"
    source_addresses = ["0.0.0.0/0", "::/0"]
  }

  # A dev server range that happens to cover MySQL and RDP.
  inbound_rule {
    protocol   = "tcp"
    port_range = "3000-3400"
    # expect: NET001
    source_addresses = ["::/0"]
  }

  inbound_rule {
    protocol                  = "tcp"
    port_range                = "5432"
    source_droplet_ids        = [digitalocean_droplet.app.id]
    source_load_balancer_uids = []
  }

  inbound_rule {
    protocol         = "icmp"
    source_addresses = ["0.0.0.0/0", "::/0"]
  }

  outbound_rule {
    protocol              = "tcp"
    port_range            = "1-65535"
    destination_addresses = ["0.0.0.0/0", "::/0"]
  }
}
