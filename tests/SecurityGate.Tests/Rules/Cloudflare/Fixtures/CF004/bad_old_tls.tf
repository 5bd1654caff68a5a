resource "cloudflare_zone_settings_override" "shop" {
  zone_id = var.zone_id

  settings {
    # expect: CF004
    min_tls_version = "1.1"
  }
}

resource "cloudflare_zone_setting" "min_tls" {
  zone_id    = var.zone_id
  setting_id = "min_tls_version"
  # expect: CF004
  value      = "1.0"
}
