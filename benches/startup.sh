#!/usr/bin/env bash
# Start to first frame, and resident memory, of the TUI on a store of N sessions, in a real
# pty (tmux). Run from the repository: benches/startup.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
WORK=$(mktemp -d)
SOCK=stocktake-startup-$$
trap 'tmux -L $SOCK kill-server 2>/dev/null || true; rm -rf "$WORK"' EXIT
cargo build --release --quiet --bin stocktake --example fill_store
target/release/examples/fill_store "$N" "$WORK/data" 2>/dev/null
BIN=$PWD/target/release/stocktake
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
wait_for() { # text, deadline in ms from now
  local until=$(( $(now_ms) + $2 ))
  until tmux -L $SOCK capture-pane -t p -p 2>/dev/null | grep -q "$1"; do
    [ "$(now_ms)" -lt "$until" ] || { echo "timed out waiting for $1" >&2; return 1; }
    sleep 0.002
  done
}
printf '%s sessions; %s cores\n' "$N" "$(nproc)"
for i in 1 2 3 4 5; do
  tmux -L $SOCK -f /dev/null new-session -d -s p -x 80 -y 24 "sleep 10"
  tmux -L $SOCK set-environment -t p STOCKTAKE_DATA_DIR "$WORK/data"
  start=$(now_ms)
  tmux -L $SOCK respawn-pane -k -t p -e "STOCKTAKE_DATA_DIR=$WORK/data" -e STOCKTAKE_CONFIG=/nonexistent "$BIN"
  wait_for "$N sessions" 5000
  first=$(( $(now_ms) - start ))
  pid=$(tmux -L $SOCK display -p -t p '#{pane_pid}')
  sleep 0.3
  list=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
  tmux -L $SOCK send-keys -t p Enter
  wait_for "Q 1/" 5000
  sleep 0.3
  open=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
  echo "run $i: first frame ${first} ms; resident ${list} kB on the list, ${open} kB with a session open"
  tmux -L $SOCK kill-server
  # The hung-up stocktake leaves within a second and gives its session back.
  while [ -e /proc/$pid ]; do sleep 0.05; done
done
