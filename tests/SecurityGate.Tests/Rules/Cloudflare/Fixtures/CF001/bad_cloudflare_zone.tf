# The shop's zone on Cloudflare (provider v4).
terraform {
  required_providers {
    cloudflare = {
      source  = "cloudflare/cloudflare"
      version = "~> 4.40"
    }
  }
}

variable "account_id" {
  type = string
}

resource "cloudflare_zone" "shop" {
  account_id = var.account_id
  zone       = "shop.example.com"
  plan       = "free"
}

resource "cloudflare_record" "apex" {
  zone_id = cloudflare_zone.shop.id
  name    = "@"
  content = "203.0.113.10"
  type    = "A"
  proxied = true
}

resource "cloudflare_zone_settings_override" "shop" {
  zone_id = cloudflare_zone.shop.id

  settings {
    # expect: CF001
    ssl                      = "flexible"
    # expect: CF003
    always_use_https         = "off"
    # expect: CF004
    min_tls_version          = "1.0"
    # expect: CF006
    automatic_https_rewrites = "off"
    brotli                   = "on"

    security_header {
      enabled            = true
      # expect: CF005
      max_age            = 86400
      include_subdomains = true
      nosniff            = true
    }
  }
}
