#!/bin/sh
# Installs the one-file estatewatch agent on Linux as a systemd service + timer
# and enrols it with the hub.
#
#   sudo ESTATEWATCH_ENROL_SECRET=<secret> ./install.sh --hub https://estatewatch.trust.nhs.uk
#   sudo ./install.sh --hub <url> --secret <secret>     (the secret is then visible to `ps`)
#
# ESTATEWATCH_INSTALL_ROOT=<dir> installs under <dir> and skips systemctl
# (for packaging and for the project's own tests).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
help_lines='2,11p'
. "$here/../install-args.sh"
command -v node >/dev/null 2>&1 || { echo "install.sh: Node.js 20 or later is required (node not found)" >&2; exit 1; }

root="${ESTATEWATCH_INSTALL_ROOT:-}"
prefix="$root/opt/estatewatch-agent"
state="$root/var/lib/estatewatch-agent"
units="$root/etc/systemd/system"

install -d -m 0755 "$prefix" "$units"
install -d -m 0700 "$state"
install -m 0755 "$here/../../estatewatch-agent.mjs" "$prefix/estatewatch-agent.mjs"
install -m 0644 "$here/estatewatch-agent.service" "$here/estatewatch-agent.timer" "$units/"

ESTATEWATCH_ENROL_SECRET="$secret" node "$prefix/estatewatch-agent.mjs" enrol --hub "$hub" --state-dir "$state"

if [ -z "$root" ]; then
  systemctl daemon-reload
  systemctl enable --now estatewatch-agent.timer
  echo "estatewatch agent installed; first scan: systemctl start estatewatch-agent.service"
fi
