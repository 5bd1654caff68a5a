resource "cloudflare_zone_settings_override" "disabled" {
  zone_id = var.zone_id

  settings {
    security_header {
      # expect: CF005
      enabled = false
    }
  }
}

resource "cloudflare_zone_settings_override" "no_max_age" {
  zone_id = var.zone_id

  settings {
    # expect: CF005
    security_header {
      enabled = true
    }
  }
}

resource "cloudflare_zone_setting" "hsts" {
  zone_id    = var.zone_id
  setting_id = "security_header"
  value = {
    strict_transport_security = {
      enabled            = true
      # expect: CF005
      max_age            = 3600
      include_subdomains = true
      nosniff            = true
    }
  }
}
