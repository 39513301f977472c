#!/usr/bin/env bash
# Times the whole `reflekt:lint` goal (JVM start, Maven, lint, reports) on generated projects.
#
#   bench/lint.sh [N ...]      default: 660 1000 10000
#   BENCH_PROPERTIES=3-8 bench/lint.sh 660     schemas of ~2.5 KB (default 10-40 properties, ~9 KB)
#   BENCH_RUNS=5                                runs per size (medians are printed)
#
# Prints `mvn help:help` (Maven's own start-up, the floor), then one line per size: schemas, the median whole
# process (wall seconds), the median of the goal's own reported time, the largest peak RSS, from
# /usr/bin/time -v. Targets (issue 17, 2 cores, real-world-sized schemas): 660 schemas within 0.25 s of
# help:help and a goal time of 120 ms or less; 10,000 under 2.5 s and 350 MB; time linear in N.
set -euo pipefail
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(660 1000 10000)
runs=${BENCH_RUNS:-5}
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; }

# shellcheck source=bench/lib.sh
. "$(dirname "$0")/lib.sh"
goal="dev.reflekt:reflekt-maven-plugin:${version}:lint"

median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

walls=()
for _ in $(seq "$runs"); do
  /usr/bin/time -f '%e' "$root/mvnw" -B -q -o -f "$root/pom.xml" help:help >/dev/null 2>"$work/time.txt"
  walls+=("$(tail -n 1 "$work/time.txt")")
done
printf 'help:help wall_s=%s (median of %s)\n' "$(printf '%s\n' "${walls[@]}" | median)" "$runs"

for n in "${sizes[@]}"; do
  dir="$work/p$n"
  python3 "$root/bench/gen_schemas.py" "$dir" "$n"
  kb=$(du -sk --apparent-size "$dir/schemas" | cut -f1)
  (cd "$dir" && "$root/mvnw" -B -q -o "$goal" >/dev/null)  # warm-up: the first disk read of the files
  walls=(); goals=(); rss=0
  for _ in $(seq "$runs"); do
    (cd "$dir" && /usr/bin/time -v "$root/mvnw" -B -o "$goal" >"$work/out.txt" 2>"$work/time.txt")
    walls+=("$(time_summary "$work/time.txt" | sed 's/wall_s=\([^ ]*\).*/\1/')")
    goals+=("$(grep -o 'Reflekt lint: .* in [0-9]* ms' "$work/out.txt" | grep -o '[0-9]* ms$' | cut -d' ' -f1)")
    r=$(time_summary "$work/time.txt" | sed 's/.*peak_rss_mb=//')
    [ "$r" -gt "$rss" ] && rss=$r
  done
  printf 'schemas=%s size_kb=%s wall_s=%s goal_ms=%s peak_rss_mb=%s (medians of %s)\n' "$n" "$kb" \
    "$(printf '%s\n' "${walls[@]}" | median)" "$(printf '%s\n' "${goals[@]}" | median)" "$rss" "$runs"
done
