variable "ssl_mode" {
  type = string
}

variable "minify" {
  type = string
}

resource "cloudflare_zone_settings_override" "shop" {
  zone_id = cloudflare_zone.shop.id

  settings {
    ssl    = var.ssl_mode
    brotli = var.minify
  }
}
