resource "cloudflare_zone_settings_override" "shop" {
  zone_id = var.zone_id

  settings {
    ssl = "full"
    # An unrelated setting that happens to be off.
    rocket_loader = "off"
  }
}
