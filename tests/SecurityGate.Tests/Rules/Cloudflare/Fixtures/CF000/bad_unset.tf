variable "ssl_mode" {
  description = "Set per environment by the pipeline."
  type        = string
}

variable "setting" {
  type = string
}

resource "cloudflare_zone_settings_override" "shop" {
  zone_id = var.zone_id

  settings {
    # expect: CF000
    ssl    = var.ssl_mode
    brotli = var.ssl_mode

    security_header {
      enabled = true
      # expect: CF000
      max_age = var.hsts_seconds
    }
  }
}

resource "cloudflare_zone_setting" "dynamic" {
  zone_id    = var.zone_id
  # expect: CF000
  setting_id = var.setting
  value      = "off"
}
