# Sourced by linux/install.sh and macos/install.sh, which define usage() first:
# reads --hub, the enrolment secret (ESTATEWATCH_ENROL_SECRET, or --secret,
# which `ps` can see), --dry-run and --help into $hub, $secret and $dry_run,
# and gives the two ways a step runs on a dry run (act, would).
# options_help: the options both helpers take, for their usage().
options_help() {
  cat <<'OPTIONS'
Options:
  --hub <url>      the hub's address, e.g. https://estatewatch.trust.nhs.uk
  --secret <s>     the enrolment secret; prefer ESTATEWATCH_ENROL_SECRET, as an
                   argument is visible to every user of the machine (ps)
  --dry-run        install under a new temporary folder instead of /, printing
                   each step; enrol nothing and start nothing (the secret is not
                   spent, and may be left out; root is not needed)
  -h, --help       show this text
OPTIONS
}

hub=""
secret="${ESTATEWATCH_ENROL_SECRET:-}"
dry_run=""
while [ $# -gt 0 ]; do
  case "$1" in
    --hub) [ $# -ge 2 ] || { echo "install.sh: --hub needs a URL" >&2; exit 2; }; hub="$2"; shift 2 ;;
    --secret) [ $# -ge 2 ] || { echo "install.sh: --secret needs a value" >&2; exit 2; }; secret="$2"; shift 2 ;;
    --dry-run) dry_run=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "install.sh: unknown option $1 (install.sh --help lists them)" >&2; exit 2 ;;
  esac
done
[ -n "$hub" ] || { echo "install.sh: --hub <url> is required (install.sh --help)" >&2; exit 2; }
# A dry run enrols nothing, so it may go before the admin has made a secret.
[ -n "$secret" ] || [ -n "$dry_run" ] || { echo "install.sh: give the enrolment secret in ESTATEWATCH_ENROL_SECRET or --secret" >&2; exit 2; }

# act CMD…: a step inside the install root; a dry run does it there too, and says so.
act() {
  [ -z "$dry_run" ] || echo "  $*"
  "$@"
}

# would CMD…: a step that reaches outside the install root (enrolment spends the
# secret, the service manager starts the agent); a dry run only prints it.
would() {
  if [ -n "$dry_run" ]; then echo "  would run: $*"; else "$@"; fi
}

# dry_run_root: the new, empty folder a dry run installs under.
dry_run_root() {
  mktemp -d "${TMPDIR:-/tmp}/estatewatch-agent-dry-run.XXXXXX"
}
