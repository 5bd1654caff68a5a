resource "cloudflare_zone_settings_override" "shop" {
  zone_id = var.zone_id

  settings {
    ssl              = "strict"
    always_use_https = "on"
  }
}

resource "cloudflare_zone_setting" "ssl" {
  zone_id    = var.zone_id
  setting_id = "ssl"
  value      = "full"
}
