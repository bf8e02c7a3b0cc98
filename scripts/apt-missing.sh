# Sourced by the set-up scripts: apt_install_missing PKG... installs the named Debian packages (none: nothing to do).
apt_install_missing() {
  [ $# -gt 0 ] || return 0
  echo "installing: $*" >&2
  local sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "$@" >/dev/null
}
