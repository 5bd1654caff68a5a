# Provider v5: one resource per setting.
variable "ssl_mode" {
  default = "flexible"
}

resource "cloudflare_zone_setting" "ssl" {
  zone_id    = var.zone_id
  setting_id = "ssl"
  # expect: CF001
  value      = var.ssl_mode
}
