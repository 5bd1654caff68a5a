variable "admin_cidrs" {
  description = "Who may SSH in; set by the pipeline with -var."
  type        = list(string)
}

variable "db_sources" {
  type = list(string)
}

variable "public_ports" {
  type = list(string)
}

variable "extra_rules" {
  type = list(object({ port = number, cidrs = list(string) }))
}
