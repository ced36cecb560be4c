#!/usr/bin/env bash
# The live progress display under a real terminal of 80 columns (tmux): every live line fits,
# and the total line is redrawn in place (never more than one on the screen). `make test` runs it.
set -euo pipefail
export LC_ALL=C.UTF-8
nnviz=${1:-.build/release/nnviz}
command -v tmux >/dev/null || { echo "check-progress-tmux: tmux not installed" >&2; exit 1; }
socket="nnviz-check-$$" out=$(mktemp -d)
trap 'tmux -L "$socket" kill-server 2>/dev/null || true; rm -rf "$out"' EXIT
TERM=xterm-256color tmux -L "$socket" new-session -d -s p -x 80 -y 30 \
  "$nnviz train-and-report --quick --study vanishing --study optimizers --out $out/report; sleep 30"
seen=0
for _ in $(seq 1 80); do
  sleep 0.2
  pane=$(tmux -L "$socket" capture-pane -p -t p)
  totals=$(grep -c '^total ' <<<"$pane" || true)
  if [ "$totals" -gt 1 ]; then echo "check-progress-tmux: the total line scrolled:"; echo "$pane"; exit 1; fi
  long=$(grep -E '^(total |  )' <<<"$pane" | while IFS= read -r line; do [ "${#line}" -gt 79 ] && echo "$line"; done || true)
  if [ -n "$long" ]; then echo "check-progress-tmux: a live line is wider than 79 columns:"; echo "$long"; exit 1; fi
  [ "$totals" -eq 1 ] && seen=$((seen + 1))
  grep -q "index.html" <<<"$pane" && break
done
[ "$seen" -gt 0 ] || { echo "check-progress-tmux: no total line was drawn:"; echo "$pane"; exit 1; }
echo "check-progress-tmux: ok (total line seen in $seen captures, redrawn in place, within 80 columns)"
