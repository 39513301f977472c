#!/usr/bin/env bash
# Lint with shared definitions ($ref) against the same schemas inlined: whole `reflekt:lint` process and the
# goal's own time, median of 5 runs each.
#
#   bench/refs.sh [N]      default: 10000
#
# Target (issue 15): with refs the lint costs less than 1.5x the inlined project.
set -euo pipefail
n=${1:-10000}
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; }

# shellcheck source=bench/lib.sh
. "$(dirname "$0")/lib.sh"
goal="dev.reflekt:reflekt-maven-plugin:${version}:lint"

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

for mode in inlined refs; do
  dir="$work/$mode"
  python3 "$root/bench/gen_schemas.py" "$dir" "$n" "$mode"
  (cd "$dir" && "$root/mvnw" -B -q -o "$goal" >/dev/null)
  : >"$work/walls"; : >"$work/goals"; : >"$work/rss"
  for _ in 1 2 3 4 5; do
    (cd "$dir" && /usr/bin/time -v "$root/mvnw" -B -o "$goal" >"$work/out.txt" 2>"$work/time.txt")
    { time_summary "$work/time.txt"; echo; } | sed 's/.*wall_s=\([^ ]*\).*/\1/' >>"$work/walls"
    { time_summary "$work/time.txt"; echo; } | sed 's/.*peak_rss_mb=\([^ ]*\).*/\1/' >>"$work/rss"
    grep -o 'Reflekt lint: .* in [0-9]* ms' "$work/out.txt" | grep -o '[0-9]* ms' | grep -o '[0-9]*' >>"$work/goals"
  done
  printf '%s schemas=%s wall_s=%s goal_ms=%s peak_rss_mb=%s\n' "$mode" "$n" \
    "$(median <"$work/walls")" "$(median <"$work/goals")" "$(median <"$work/rss")"
done
