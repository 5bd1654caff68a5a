resource "cloudflare_zone_settings_override" "legacy" {
  zone_id = var.zone_id

  settings {
    # expect: CF002
    ssl = "off"
  }
}

resource "cloudflare_zone_setting" "ssl" {
  zone_id    = var.zone_id
  setting_id = "ssl"
  # expect: CF002
  value      = "off"
}
