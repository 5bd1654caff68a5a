resource "cloudflare_zone_settings_override" "shop" {
  zone_id = var.zone_id

  settings {
    # expect: CF006
    automatic_https_rewrites = "off"
  }
}
