resource "google_compute_firewall" "ssh" {
  name    = "allow-ssh"
  network = google_compute_network.main.name

  allow {
    protocol = "tcp"
    ports    = ["22", "80"]
  }

  # expect: NET001
  source_ranges = ["0.0.0.0/0"]
}

# No source_ranges, source_tags or source_service_accounts: Google applies it to 0.0.0.0/0.
# expect: NET001
resource "google_compute_firewall" "postgres" {
  name        = "allow-postgres"
  network     = google_compute_network.main.name
  target_tags = ["db"]

  allow {
    protocol = "tcp"
    ports    = ["5432"]
  }
}

resource "google_compute_firewall" "egress" {
  name               = "egress-ssh"
  network            = google_compute_network.main.name
  direction          = "EGRESS"
  destination_ranges = ["0.0.0.0/0"]

  allow {
    protocol = "tcp"
    ports    = ["22"]
  }
}

resource "google_compute_firewall" "disabled" {
  name          = "old-ssh"
  network       = google_compute_network.main.name
  disabled      = true
  source_ranges = ["0.0.0.0/0"]

  allow {
    protocol = "tcp"
    ports    = ["22"]
  }
}
