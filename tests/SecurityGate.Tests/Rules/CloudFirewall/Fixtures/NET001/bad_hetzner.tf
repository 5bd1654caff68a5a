resource "hcloud_firewall" "web" {
  name = "web"

  rule {
    direction = "in"
    protocol  = "tcp"
    port      = "22"
    source_ips = [
      # expect: NET001
      "0.0.0.0/0",
      "::/0",
    ]
  }

  rule {
    direction  = "in"
    protocol   = "tcp"
    port       = "443"
    source_ips = ["0.0.0.0/0", "::/0"]
  }

  rule {
    direction       = "out"
    protocol        = "tcp"
    port            = "5432"
    destination_ips = ["0.0.0.0/0"]
  }
}
