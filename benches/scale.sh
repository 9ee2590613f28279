#!/usr/bin/env bash
# The scale run: generate N session files (default 10,000), then time reading them with
# cat, collating them, collating them again, and the report in every format; wall time
# and peak memory of each step. Last, the same files encrypted to a collator's key (as a
# team that encrypts sends them) collated with --require-encrypted.
# Run from the repository: benches/scale.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cargo build --release --quiet --bin stocktake --example generate_sessions
# Where cargo put them: a shared machine often builds into its own CARGO_TARGET_DIR.
TARGET=${CARGO_TARGET_DIR:-target}
BIN=$TARGET/release/stocktake
GEN=$TARGET/release/examples/generate_sessions

FLOOR=""
step() { # name, command...
  local name=$1; shift
  /usr/bin/time -f "%e %M" -o "$WORK/time" "$@" >"$WORK/out" 2>"$WORK/err" || true
  read -r secs kb <"$WORK/time"
  # Each step against the floor of this same run: reading and hashing every file once.
  local ratio=""
  if [ -n "$FLOOR" ]; then
    ratio=$(printf '  %5.2f× floor' "$(echo "$secs / $FLOOR" | bc -l)")
  fi
  printf '%-34s %8.2f s  %7.1f MB peak%s\n' "$name" "$secs" "$(echo "$kb / 1024" | bc -l)" "$ratio"
  # A collation's own summary, so a run that quarantined everything cannot pass unseen.
  grep -h "file(s)" "$WORK/out" | sed 's/^/    /' || true
}

"$GEN" "$N" "$WORK/files" 2>/dev/null
printf '%s files, %s MB on disk; %s cores\n' "$N" "$(du -sm "$WORK/files" | cut -f1)" "$(nproc)"
sync
# find | xargs, not a glob: 100,000 names are past the argument list's limit.
step "cat (read every file once)" sh -c "find $WORK/files -type f -print0 | xargs -0 cat > /dev/null"
step "floor: cat | sha256sum" sh -c "find $WORK/files -type f -print0 | xargs -0 cat | sha256sum"
FLOOR=$secs
step "collate, first run" "$BIN" collate "$WORK/files" --db "$WORK/c.db"
step "collate again (nothing new)" "$BIN" collate "$WORK/files" --db "$WORK/c.db"
step "report, all formats" "$BIN" report --db "$WORK/c.db" --out "$WORK/report"
recipient=$("$BIN" keys new --out "$WORK/key.txt" 2>/dev/null)
"$GEN" "$N" "$WORK/encrypted" "$recipient" 2>/dev/null
sync
step "collate, encrypted files" "$BIN" collate "$WORK/encrypted" --db "$WORK/e.db" \
  --identity "$WORK/key.txt" --require-encrypted
