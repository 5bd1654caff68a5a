resource "cloudflare_zone_settings_override" "shop" {
  zone_id = var.zone_id

  settings {
    always_use_https = "on"
  }
}
