resource "cloudflare_zone_settings_override" "shop" {
  zone_id = var.zone_id

  settings {
    min_tls_version = "1.2"
    tls_1_3         = "on"
  }
}

resource "cloudflare_zone_setting" "min_tls" {
  zone_id    = var.zone_id
  setting_id = "min_tls_version"
  value      = "1.3"
}
