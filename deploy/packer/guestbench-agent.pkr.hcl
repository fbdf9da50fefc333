# Twin AMIs for a PV-vs-HVM experiment: one build, two sources that differ only in the
# virtualization type. Both start from the same distribution release (one PV image, one HVM
# image), run on the same instance type and go through the same provisioning steps: a JDK, the
# guestbench release tarball and its install.sh (agent unit installed, not enabled), then
# `cloud-init clean` so that the first boot of each AMI reads its user-data
# (deploy/cloud-init/render-user-data.sh) and starts the agent.
#
#   packer build -var jdk_tarball=OpenJDK25U-jdk_x64_linux_hotspot.tar.gz \
#     -var pv_source_ami_name='my-debian-12-pv-*' -var hvm_source_ami_name='my-debian-12-hvm-*' \
#     deploy/packer/guestbench-agent.pkr.hcl
#
# Written for Packer 1.6.6 and later (HCL2, the built-in amazon-ebs builder).

variable "version" {
  type        = string
  description = "guestbench version to bake; names the release tarball and tags the AMIs."
  default     = "0.1.0-SNAPSHOT"
  validation {
    condition     = var.version != "" && length(split("/", var.version)) == 1
    error_message = "The version must be a release version such as 0.1.0 or 0.1.0-SNAPSHOT."
  }
}

variable "release_tarball" {
  type        = string
  description = "The release tarball (mvn package builds it); empty: ../../dist/target/guestbench-VERSION.tar.gz next to this file."
  default     = ""
}

variable "jdk_tarball" {
  type        = string
  description = "A Linux x64 JDK 25 or newer as .tar.gz (for example Temurin's), unpacked under /usr/lib/jvm on the image, where the launchers look."
  validation {
    # (Packer 1.6's validation rules cannot call regex(); substr() works.)
    condition     = length(var.jdk_tarball) > 7 && substr(var.jdk_tarball, length(var.jdk_tarball) - 7, 7) == ".tar.gz"
    error_message = "The jdk_tarball must be a .tar.gz of a Linux x64 JDK 25 or newer."
  }
}

variable "instance_type" {
  type        = string
  description = "One instance type for both twins: a previous-generation type that runs PV and HVM."
  default     = "m3.medium"
  validation {
    condition     = contains(["t1", "m1", "m2", "m3", "c1", "c3", "hs1"], split(".", var.instance_type)[0])
    error_message = "PV runs only on previous-generation types (t1, m1, m2, m3, c1, c3, hs1); both twins need one type, e.g. m3.medium."
  }
}

variable "region" {
  type    = string
  default = "us-east-1"
}

variable "pv_source_ami_name" {
  type        = string
  description = "Name pattern of the paravirtual base image (systemd 235 or newer, cloud-init), e.g. my-debian-12-pv-*."
}

variable "hvm_source_ami_name" {
  type        = string
  description = "Name pattern of the HVM base image of the same distribution release as the PV one."
}

variable "source_ami_owners" {
  type        = list(string)
  description = "Accounts that own the base images; PV images with a current systemd are usually your own."
  default     = ["self"]
}

variable "ssh_username" {
  type    = string
  default = "admin"
}

variable "subnet_id" {
  type        = string
  description = "Subnet for the builder instances; empty: the default VPC."
  default     = ""
}

locals {
  release_tarball = var.release_tarball != "" ? var.release_tarball : "${path.root}/../../dist/target/guestbench-${var.version}.tar.gz"
  # One stamp for both AMIs of a build: it names them and tags them as twins.
  twin = formatdate("YYYYMMDD-hhmmss", timestamp())
  tags = {
    "guestbench:version"       = var.version
    "guestbench:twin"          = local.twin
    "guestbench:instance_type" = var.instance_type
    "guestbench:base_ami"      = "{{ .SourceAMI }}"
    "guestbench:base_ami_name" = "{{ .SourceAMIName }}"
  }
}

source "amazon-ebs" "pv" {
  region                     = var.region
  instance_type              = var.instance_type
  subnet_id                  = var.subnet_id
  ssh_username               = var.ssh_username
  ami_name                   = "guestbench-agent-${var.version}-pv-${local.twin}"
  ami_description            = "guestbench agent ${var.version}, Xen paravirtual (twin ${local.twin})"
  ami_virtualization_type    = "paravirtual"
  skip_credential_validation = true
  source_ami_filter {
    filters = {
      name                = var.pv_source_ami_name
      virtualization-type = "paravirtual"
      architecture        = "x86_64"
      root-device-type    = "ebs"
    }
    owners      = var.source_ami_owners
    most_recent = true
  }
  tags = merge(local.tags, {
    Name                   = "guestbench-agent ${var.version} pv"
    "guestbench:virt_type" = "paravirtual"
  })
}

source "amazon-ebs" "hvm" {
  region                     = var.region
  instance_type              = var.instance_type
  subnet_id                  = var.subnet_id
  ssh_username               = var.ssh_username
  ami_name                   = "guestbench-agent-${var.version}-hvm-${local.twin}"
  ami_description            = "guestbench agent ${var.version}, Xen HVM (twin ${local.twin})"
  ami_virtualization_type    = "hvm"
  skip_credential_validation = true
  source_ami_filter {
    filters = {
      name                = var.hvm_source_ami_name
      virtualization-type = "hvm"
      architecture        = "x86_64"
      root-device-type    = "ebs"
    }
    owners      = var.source_ami_owners
    most_recent = true
  }
  tags = merge(local.tags, {
    Name                   = "guestbench-agent ${var.version} hvm"
    "guestbench:virt_type" = "hvm"
  })
}

build {
  sources = ["source.amazon-ebs.pv", "source.amazon-ebs.hvm"]

  provisioner "file" {
    source      = var.jdk_tarball
    destination = "/tmp/guestbench-jdk.tar.gz"
  }

  provisioner "file" {
    source      = local.release_tarball
    destination = "/tmp/guestbench-release.tar.gz"
  }

  provisioner "shell" {
    script          = "${path.root}/bake-agent.sh"
    execute_command = "chmod +x {{ .Path }}; sudo env {{ .Vars }} {{ .Path }}"
    environment_vars = [
      "GUESTBENCH_VERSION=${var.version}",
      "EXPECTED_VIRT_TYPE=${source.name == "pv" ? "xen-pv" : "xen-hvm"}",
    ]
  }
}
