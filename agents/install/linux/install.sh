#!/bin/sh
# Installs the one-file estatewatch agent on Linux as a systemd service + timer
# and enrols it with the hub. `install.sh --help` says how.
set -eu

usage() {
  cat <<'USAGE'
Usage: ESTATEWATCH_ENROL_SECRET=<secret> sudo --preserve-env=ESTATEWATCH_ENROL_SECRET sh install.sh --hub <url>
       sh install.sh --hub <url> --dry-run

Installs the one-file estatewatch agent (../../estatewatch-agent.cjs, beside
this folder) on this Linux machine, enrols it with the hub, and schedules a
scan nightly at 02:00 (up to an hour later, at random):
  /opt/estatewatch-agent/estatewatch-agent.cjs            the agent
  /var/lib/estatewatch-agent/                             its token and spool (0700)
  /etc/systemd/system/estatewatch-agent.{service,timer}   the nightly scan
Needs root, systemd and Node.js 20 or later. The Enrol agents page gives this
line with the hub's address and a new secret filled in.

USAGE
  options_help
  cat <<'USAGE'

Environment:
  ESTATEWATCH_ENROL_SECRET   the enrolment secret
  ESTATEWATCH_INSTALL_ROOT   install under this folder and enrol, but start no
                             service (for packaging, and the project's tests)

Exit status: 0 installed (or the dry run done); 1 failed; 2 bad arguments.
USAGE
}

here=$(cd "$(dirname "$0")" && pwd)
. "$here/../install-args.sh"
command -v node >/dev/null 2>&1 || { echo "install.sh: Node.js 20 or later is required (node not found)" >&2; exit 1; }

root="${ESTATEWATCH_INSTALL_ROOT:-}"
[ -z "$dry_run" ] || { root="${root:-$(dry_run_root)}"; echo "Dry run: installing under $root; nothing is enrolled or started."; }
prefix="$root/opt/estatewatch-agent"
state="$root/var/lib/estatewatch-agent"
units="$root/etc/systemd/system"

act install -d -m 0755 "$prefix" "$units"
act install -d -m 0700 "$state"
act install -m 0755 "$here/../../estatewatch-agent.cjs" "$prefix/estatewatch-agent.cjs"
# Earlier builds named the agent estatewatch-agent.mjs; the unit written below runs the .cjs.
[ ! -e "$prefix/estatewatch-agent.mjs" ] || act rm -f "$prefix/estatewatch-agent.mjs"
act install -m 0644 "$here/estatewatch-agent.service" "$here/estatewatch-agent.timer" "$units/"

# The secret reaches the agent in its environment, never in its arguments.
export ESTATEWATCH_ENROL_SECRET="$secret"
would node "$prefix/estatewatch-agent.cjs" enrol --hub "$hub" --state-dir "$state"

# ESTATEWATCH_INSTALL_ROOT alone: a packaged tree, whose service the package's own scripts start.
[ -z "$root" ] || [ -n "$dry_run" ] || exit 0
would systemctl daemon-reload
would systemctl enable --now estatewatch-agent.timer
if [ -n "$dry_run" ]; then
  echo "Dry run done: the files are under $root (rm -rf it when done)."
else
  echo "estatewatch agent installed; first scan: systemctl start estatewatch-agent.service"
fi
