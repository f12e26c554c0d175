#!/usr/bin/env bash
# The Debian packages `npm test` drives for real, checked before any test runs.
# What is missing is installed when this user may (root, or sudo without a
# password); otherwise the run stops at once with the one command to run.
set -euo pipefail

missing=()
need() { # need <package> <test that finds it>
  local package=$1
  shift
  "$@" >/dev/null 2>&1 || missing+=("$package")
}

# Browser tests: Debian's Chromium, driven by playwright-core (which downloads no browser of its own).
need chromium command -v chromium
# The CUPS collector runs against a private cupsd (in /usr/sbin, which a non-root PATH may lack).
need cups bash -c 'command -v cupsd || test -x /usr/sbin/cupsd'
need cups-client command -v lpstat
# A throwaway CA and hub certificate for the HTTPS tests.
need openssl command -v openssl
# The PostgreSQL store's tests start a private server from Debian's binaries.
need postgresql compgen -G '/usr/lib/postgresql/*/bin/initdb'
# The board-report PDF is read back (pdftotext) and rendered to PNG (pdftoppm); on purpose, not as a
# dependency of cups that may or may not come.
need poppler-utils bash -c 'command -v pdftotext && command -v pdftoppm'
# The agent bundle's systemd units and launchd plist are checked by the tools that read them.
need systemd command -v systemd-analyze
need python3 command -v python3
# Ubuntu/Debian dates and Debian's early ends of package security support, read from the real files.
need distro-info-data test -f /usr/share/distro-info/debian.csv
need debian-security-support compgen -G '/usr/share/debian-security-support/security-support-ended.deb*'

[ ${#missing[@]} -eq 0 ] && exit 0
# One package can be named twice (cups); install each once.
mapfile -t packages < <(printf '%s\n' "${missing[@]}" | sort -u)
command_line="apt-get install -y ${packages[*]}"

if [ "$(id -u)" -eq 0 ]; then
  sudo=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo="sudo"
else
  echo "npm test needs Debian packages that are missing: ${packages[*]}" >&2
  echo "Install them, then run npm test again:" >&2
  echo "  sudo apt-get update && sudo $command_line" >&2
  exit 1
fi
echo "npm test: installing ${packages[*]} (Debian packages the tests drive for real)" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${packages[@]}" >/dev/null
