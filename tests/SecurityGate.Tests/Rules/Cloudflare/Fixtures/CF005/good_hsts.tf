resource "cloudflare_zone_settings_override" "shop" {
  zone_id = var.zone_id

  settings {
    security_header {
      enabled            = true
      max_age            = 31536000
      include_subdomains = true
      preload            = true
    }
  }
}

resource "cloudflare_zone_setting" "hsts" {
  zone_id    = var.zone_id
  setting_id = "security_header"
  value = {
    strict_transport_security = {
      enabled = true
      max_age = 63072000
    }
  }
}
