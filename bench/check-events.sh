#!/usr/bin/env bash
# Times `reflekt:check-events` on N recorded Segment-style events (bench/gen_events.py: ~1 KB each, 10% invalid,
# 1% unplanned, 20 planned events of 12 properties).
#
#   bench/check-events.sh [N]      default 1000000
#   BENCH_RUNS=9                   runs (medians are printed)
#   BENCH_BASELINE=0.0.12-base     also time that installed plugin version, interleaved, and print the ratio
#   BENCH_MAVEN_OPTS=-Xmx256m      MAVEN_OPTS for the timed runs (default: none, the JVM sizes its heap from the
#                                  machine's memory, and RSS follows the heap it chose, not what the goal needs)
#
# Prints per version the median goal time (the goal's own reported time), events/s over it, the median whole
# process and the largest peak RSS (/usr/bin/time -v). Targets (issue 33, 2 cores): >= 100k events/s for the goal's
# own time, <= 512 MB RSS.
set -euo pipefail
n=${1:-1000000}
runs=${BENCH_RUNS:-5}
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
# shellcheck source=bench/lib.sh
. "$(dirname "$0")/lib.sh"
mvn_cmd=${BENCH_MAVEN:-$root/mvnw}
baseline=${BENCH_BASELINE:-}
if [ -n "$baseline" ] && [ ! -d "$HOME/.m2/repository/dev/reflekt/reflekt-maven-plugin/$baseline" ]; then
  echo "BENCH_BASELINE=$baseline is not installed in ~/.m2; timing this build only" >&2
  baseline=""
fi
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

dir="$work/p"
python3 "$root/bench/gen_events.py" "$dir" "$n"
mb=$(( $(stat -c %s "$dir/events.ndjson") / 1024 / 1024 ))
echo "events: $n in $mb MB ($dir/events.ndjson)"

# run VERSION: one goal run; sets goal_ms, wall, rss (the goal fails on the planted errors: expected)
run() {
  (cd "$dir" && MAVEN_OPTS="${BENCH_MAVEN_OPTS:-}" /usr/bin/time -v "$mvn_cmd" -B -o -Dstyle.color=never -Dreflekt.events=events.ndjson \
      "dev.reflekt:reflekt-maven-plugin:$1:check-events" >"$work/out.txt" 2>"$work/time.txt") || true
  grep -q 'Reflekt check-events: [0-9]* errors\?, .* in [0-9]* ms' "$work/out.txt" || { cat "$work/out.txt" >&2; exit 1; }
  goal_ms=$(grep -o 'Reflekt check-events: [0-9]* errors\?, .* in [0-9]* ms' "$work/out.txt" | grep -o '[0-9]* ms' | cut -d' ' -f1)
  wall=$(time_summary "$work/time.txt" | sed 's/wall_s=\([^ ]*\).*/\1/')
  rss=$(time_summary "$work/time.txt" | sed 's/.*peak_rss_mb=//')
}

run "$version" # warm the disk cache
grep -o 'Reflekt check-events: [0-9]* events.*' "$work/out.txt"
goals=(); walls=(); peak=0; bgoals=(); bwalls=(); bpeak=0
for _ in $(seq "$runs"); do
  run "$version"; goals+=("$goal_ms"); walls+=("$wall"); [ "$rss" -gt "$peak" ] && peak=$rss
  if [ -n "$baseline" ]; then
    run "$baseline"; bgoals+=("$goal_ms"); bwalls+=("$wall"); [ "$rss" -gt "$bpeak" ] && bpeak=$rss
  fi
done
report() { # LABEL GOALS WALLS PEAK
  local g w
  g=$(printf '%s\n' $2 | median); w=$(printf '%s\n' $3 | median)
  printf '%-14s goal %8.0f ms  %9.0f events/s  whole %6.2f s  peak RSS %4d MB\n' "$1" "$g" "$(echo "$n * 1000 / $g" | bc)" "$w" "$4"
}
report "$version" "${goals[*]}" "${walls[*]}" "$peak"
if [ -n "$baseline" ]; then
  report "$baseline" "${bgoals[*]}" "${bwalls[*]}" "$bpeak"
  echo "ratio (this / baseline, goal medians): $(echo "scale=2; $(printf '%s\n' "${goals[@]}" | median) / $(printf '%s\n' "${bgoals[@]}" | median)" | bc)"
fi
