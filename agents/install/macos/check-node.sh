# Sourced by install.sh: refuses a Node.js that cannot run on this macOS, or a
# macOS the agent cannot serve, before anything is installed. The minimums are
# Node.js's own (its supported-platforms table): Node.js 20 needs macOS 10.15,
# 22 needs 11, 24 and later need 13.5. The agent needs Node.js 20 or later and
# `system_profiler -json` (macOS 10.15).

# version_at_least A B: A >= B, comparing dotted numbers part by part.
version_at_least() {
  awk -v a="$1" -v b="$2" 'BEGIN {
    split(a, x, "."); split(b, y, ".")
    for (i = 1; i <= 3; i++) { if ((x[i] + 0) > (y[i] + 0)) exit 0; if ((x[i] + 0) < (y[i] + 0)) exit 1 }
    exit 0
  }'
}

# check_node_for_macos NODE_MAJOR MACOS_VERSION: prints why and returns 1 when the pair cannot work.
check_node_for_macos() {
  if ! version_at_least "$2" 10.15; then
    echo "install.sh: this Mac runs macOS $2; the agent needs macOS 10.15 or later. Inventory it by import instead (docs/imports.md)." >&2
    return 1
  fi
  if [ "$1" -lt 20 ]; then
    echo "install.sh: Node.js $1 is too old; the agent needs Node.js 20 or later." >&2
    return 1
  fi
  case "$1" in
    20 | 21) need=10.15 ;;
    22 | 23) need=11 ;;
    *) need=13.5 ;;
  esac
  if ! version_at_least "$2" "$need"; then
    echo "install.sh: Node.js $1 needs macOS $need or later, and this Mac runs macOS $2: install Node.js 20 (macOS 10.15+) or 22 (macOS 11+) and give its path first on PATH." >&2
    return 1
  fi
}
