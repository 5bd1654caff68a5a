variable "vpc_id" {
  type = string
}

variable "admin_cidrs" {
  description = "Who may reach SSH. Set per environment in terraform.tfvars."
  type        = list(string)
  default     = ["10.20.0.0/16"]
}

variable "cache_port" {
  type    = number
  default = 6379
}
