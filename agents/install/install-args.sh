# Sourced by linux/install.sh and macos/install.sh: reads --hub and the
# enrolment secret (ESTATEWATCH_ENROL_SECRET, or --secret, which `ps` can see)
# into $hub and $secret. $help_lines says which lines of the caller are its help.
hub=""
secret="${ESTATEWATCH_ENROL_SECRET:-}"
while [ $# -gt 0 ]; do
  case "$1" in
    --hub) hub="$2"; shift 2 ;;
    --secret) secret="$2"; shift 2 ;;
    -h|--help) sed -n "$help_lines" "$0"; exit 0 ;;
    *) echo "install.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
[ -n "$hub" ] || { echo "install.sh: --hub <url> is required" >&2; exit 2; }
[ -n "$secret" ] || { echo "install.sh: give the enrolment secret in ESTATEWATCH_ENROL_SECRET or --secret" >&2; exit 2; }
