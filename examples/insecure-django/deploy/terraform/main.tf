# The shop's droplet, its cloud firewall and its Cloudflare zone.
terraform {
  required_providers {
    digitalocean = { source = "digitalocean/digitalocean" }
    cloudflare   = { source = "cloudflare/cloudflare", version = "~> 4.0" }
  }
}

variable "zone_id" {
  type = string
}

variable "ssh_sources" {
  description = "Who may SSH in. \"Temporarily\" everyone, since the office IP changed."
  type        = list(string)
  default     = ["0.0.0.0/0", "::/0"]
}

resource "digitalocean_droplet" "shop" {
  name   = "shop-1"
  image  = "ubuntu-24-04-x64"
  size   = "s-1vcpu-2gb"
  region = "fra1"
}

resource "digitalocean_firewall" "shop" {
  name        = "shop"
  droplet_ids = [digitalocean_droplet.shop.id]

  inbound_rule {
    protocol         = "tcp"
    port_range       = "22"
    source_addresses = var.ssh_sources
  }

  inbound_rule {
    protocol         = "tcp"
    port_range       = "443"
    source_addresses = ["0.0.0.0/0", "::/0"]
  }

  # Opened for a one-off data import from a laptop and never closed.
  inbound_rule {
    protocol         = "tcp"
    port_range       = "5432"
    source_addresses = ["0.0.0.0/0", "::/0"]
  }

  outbound_rule {
    protocol              = "tcp"
    port_range            = "1-65535"
    destination_addresses = ["0.0.0.0/0", "::/0"]
  }
}

resource "cloudflare_zone_settings_override" "shop" {
  zone_id = var.zone_id

  settings {
    # "Flexible" made the padlock appear without a certificate on the droplet.
    ssl                      = "flexible"
    always_use_https         = "on"
    min_tls_version          = "1.0"
    automatic_https_rewrites = "on"

    security_header {
      enabled = true
      max_age = 3600
    }
  }
}
