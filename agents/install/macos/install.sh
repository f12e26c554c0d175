#!/bin/sh
# Installs the one-file estatewatch agent on macOS as a launchd daemon and
# enrols it with the hub.
#
#   sudo ESTATEWATCH_ENROL_SECRET=<secret> ./install.sh --hub https://estatewatch.trust.nhs.uk
set -eu

here=$(cd "$(dirname "$0")" && pwd)
help_lines='2,6p'
. "$here/../install-args.sh"
node=$(command -v node) || { echo "install.sh: Node.js 20 or later is required (node not found)" >&2; exit 1; }
. "$here/check-node.sh"
check_node_for_macos "$("$node" -p 'process.versions.node.split(".")[0]')" "$(sw_vers -productVersion)" || exit 1

prefix=/usr/local/estatewatch-agent
state="/Library/Application Support/estatewatch-agent"
plist=/Library/LaunchDaemons/uk.nhs.estatewatch.agent.plist

install -d -m 0755 "$prefix"
install -d -m 0700 "$state"
install -m 0755 "$here/../../estatewatch-agent.mjs" "$prefix/estatewatch-agent.mjs"
sed "s|@NODE@|$node|" "$here/uk.nhs.estatewatch.agent.plist" > "$plist"
chmod 0644 "$plist"

ESTATEWATCH_ENROL_SECRET="$secret" "$node" "$prefix/estatewatch-agent.mjs" enrol --hub "$hub" --state-dir "$state"

launchctl bootout system "$plist" 2>/dev/null || true
launchctl bootstrap system "$plist"
echo "estatewatch agent installed; first scan: sudo launchctl kickstart system/uk.nhs.estatewatch.agent"
