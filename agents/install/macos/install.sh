#!/bin/sh
# Installs the one-file estatewatch agent on macOS as a launchd daemon and
# enrols it with the hub. `install.sh --help` says how.
set -eu

usage() {
  cat <<'USAGE'
Usage: ESTATEWATCH_ENROL_SECRET=<secret> sudo --preserve-env=ESTATEWATCH_ENROL_SECRET sh install.sh --hub <url>
       sh install.sh --hub <url> --dry-run

Installs the one-file estatewatch agent (../../estatewatch-agent.cjs, beside
this folder) on this Mac, enrols it with the hub, and schedules a scan nightly
at 02:00 at background priority:
  /usr/local/estatewatch-agent/estatewatch-agent.cjs      the agent
  /Library/Application Support/estatewatch-agent/         its token and spool (0700)
  /Library/LaunchDaemons/uk.nhs.estatewatch.agent.plist   the nightly scan
Needs root, macOS 10.15 or later and a Node.js that runs on it (20 or later);
both are checked before anything is installed. The Enrol agents page gives this
line with the hub's address and a new secret filled in.

USAGE
  options_help
  cat <<'USAGE'

Exit status: 0 installed (or the dry run done); 1 failed; 2 bad arguments.
USAGE
}

here=$(cd "$(dirname "$0")" && pwd)
. "$here/../install-args.sh"
node=$(command -v node) || { echo "install.sh: Node.js 20 or later is required (node not found)" >&2; exit 1; }
. "$here/check-node.sh"
check_node_for_macos "$("$node" -p 'process.versions.node.split(".")[0]')" "$(sw_vers -productVersion)" || exit 1

root=""
[ -z "$dry_run" ] || { root=$(dry_run_root); echo "Dry run: installing under $root; nothing is enrolled or loaded."; }
prefix="$root/usr/local/estatewatch-agent"
state="$root/Library/Application Support/estatewatch-agent"
plist="$root/Library/LaunchDaemons/uk.nhs.estatewatch.agent.plist"

act install -d -m 0755 "$prefix"
[ -z "$dry_run" ] || act mkdir -p "$(dirname "$plist")"
act install -d -m 0700 "$state"
act install -m 0755 "$here/../../estatewatch-agent.cjs" "$prefix/estatewatch-agent.cjs"
# Earlier builds named the agent estatewatch-agent.mjs; the plist written below runs the .cjs.
[ ! -e "$prefix/estatewatch-agent.mjs" ] || act rm -f "$prefix/estatewatch-agent.mjs"
[ -z "$dry_run" ] || echo "  write $plist (node: $node)"
sed "s|@NODE@|$node|" "$here/uk.nhs.estatewatch.agent.plist" > "$plist"
act chmod 0644 "$plist"

# The secret reaches the agent in its environment, never in its arguments.
export ESTATEWATCH_ENROL_SECRET="$secret"
would "$node" "$prefix/estatewatch-agent.cjs" enrol --hub "$hub" --state-dir "$state"

would launchctl bootout system "$plist" 2>/dev/null || true
would launchctl bootstrap system "$plist"
if [ -n "$dry_run" ]; then
  echo "Dry run done: the files are under $root (rm -rf it when done)."
else
  echo "estatewatch agent installed; first scan: sudo launchctl kickstart system/uk.nhs.estatewatch.agent"
fi
