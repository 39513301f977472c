#!/usr/bin/env bash
# Times the whole `reflekt:lint` goal (JVM start, Maven, lint, reports) on generated projects.
#
#   bench/lint.sh [N ...]      default: example 660 1000 10000 iglu iglu15 (example: examples/jaffle-shop)
#   iglu                                        the 660 real Iglu Central schemas (BENCH_CORPUS, default
#                                               ../shared/corpora/iglu-central beside the repository)
#   iglu15                                      the same corpus 15 times over (9,900 schemas, ids rewritten)
#   BENCH_PROPERTIES=3-8 bench/lint.sh 660     schemas of ~2.5 KB (default 10-40 properties, ~9 KB)
#   BENCH_RUNS=5                                runs per size (medians are printed)
#   BENCH_BASELINE=0.0.9                        also time that installed plugin version, print the ratio
#   BENCH_MAVEN=mvn                             the Maven to run (default: the wrapper)
#   BENCH_SLOWPATHS="json quick all"            also time the goal with each fast path off (-Ddev.reflekt.slowPaths),
#                                               interleaved with the normal runs: what each one buys
#
# Each run times `mvn help:help` (Maven's own start-up, the floor) and the goal back to back, so that the
# machine's drift hits both alike; the line per size gives the median whole process (wall seconds), the
# median of the goal's own reported time, the median of (lint - help:help) per run, and the largest peak RSS
# (/usr/bin/time -v). Targets (issue 17, 2 cores, real-world-sized schemas): 660 schemas within 0.25 s of
# help:help and a goal time of 120 ms or less; 10,000 under 2.5 s and 350 MB; time linear in N.
set -euo pipefail
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(example 660 1000 10000 iglu iglu15)
runs=${BENCH_RUNS:-5}
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; }

# shellcheck source=bench/lib.sh
. "$(dirname "$0")/lib.sh"
mvn_cmd=${BENCH_MAVEN:-$root/mvnw}
baseline=${BENCH_BASELINE:-}
read -r -a slowpaths <<< "${BENCH_SLOWPATHS:-}"
corpus=${BENCH_CORPUS:-$root/../shared/corpora/iglu-central}
if [ -n "$baseline" ] && [ ! -d "$HOME/.m2/repository/dev/reflekt/reflekt-maven-plugin/$baseline" ]; then
  echo "BENCH_BASELINE=$baseline is not installed in ~/.m2; timing this build only" >&2
  baseline=""
fi

median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

# time_lint DIR VERSION [MAVEN ARGS]: runs the goal once; sets wall, goal_ms, rss
time_lint() {
  # a lint that reports findings fails the build, and is still a whole lint to time (a baseline that errs on a
  # corpus this build passes); anything else is a broken run
  (cd "$1" && /usr/bin/time -v "$mvn_cmd" -B -o -Dstyle.color=never "${@:3}" "dev.reflekt:reflekt-maven-plugin:$2:lint" >"$work/out.txt" 2>"$work/time.txt") \
    || grep -q 'Reflekt lint: .* in [0-9]* ms' "$work/out.txt" || { cat "$work/out.txt" >&2; exit 1; }
  wall=$(time_summary "$work/time.txt" | sed 's/wall_s=\([^ ]*\).*/\1/')
  goal_ms=$(grep -o 'Reflekt lint: .* in [0-9]* ms' "$work/out.txt" | grep -o '[0-9]* ms$' | cut -d' ' -f1)
  rss=$(time_summary "$work/time.txt" | sed 's/.*peak_rss_mb=//')
}

strip_ansi() { sed 's/\x1b\[[0-9;]*m//g'; }  # Maven 3.8.7 writes colour codes even with -B
echo "maven: $("$mvn_cmd" -B -v -Dstyle.color=never 2>&1 | strip_ansi | head -n 1)"
for n in "${sizes[@]}"; do
  if [ "$n" = example ]; then
    dir="$work/example"
    cp -r "$root/examples/jaffle-shop" "$dir" && rm -rf "$dir/target"
  elif [ "$n" = iglu ] || [ "$n" = iglu15 ]; then
    [ -d "$corpus/schemas" ] || { echo "SKIPPED: $n: no corpus at $corpus (set BENCH_CORPUS)" >&2; continue; }
    dir="$work/$n"
    cp -r "$corpus" "$dir" && chmod -R u+w "$dir"
    if [ "$n" = iglu15 ]; then
      for k in $(seq 2 15); do
        cp -r "$dir/schemas/iglu" "$dir/schemas/iglu$k"
        find "$dir/schemas/iglu$k" -name '*.json' -exec sed -i "s|\"\\\$id\": \"iglu/|\"\\\$id\": \"iglu$k/|" {} +
      done
    fi
  else
    dir="$work/p$n"
    python3 "$root/bench/gen_schemas.py" "$dir" "$n"
  fi
  kb=$(du -sk --apparent-size "$dir/schemas" | cut -f1)
  # warm the disk cache
  (cd "$dir" && "$mvn_cmd" -B -q -o -Dstyle.color=never "dev.reflekt:reflekt-maven-plugin:$version:lint" 2>&1 >/dev/null | strip_ansi >&2)
  helps=(); walls=(); goals=(); overs=(); base_walls=(); base_goals=(); peak=0
  declare -A slow_goals=() slow_walls=()
  for _ in $(seq "$runs"); do
    /usr/bin/time -f '%e' "$mvn_cmd" -B -q -o -Dstyle.color=never -f "$root/pom.xml" help:help >/dev/null 2>"$work/time.txt"
    help=$(sed 's/\x1b\[[0-9;]*m//g' "$work/time.txt" | grep -E '^[0-9]+(\.[0-9]+)?$' | tail -n 1)
    helps+=("$help")
    time_lint "$dir" "$version"
    walls+=("$wall"); goals+=("$goal_ms"); overs+=("$(echo "$wall - $help" | bc)")
    [ "$rss" -gt "$peak" ] && peak=$rss
    if [ -n "$baseline" ]; then
      time_lint "$dir" "$baseline"
      base_walls+=("$wall"); base_goals+=("$goal_ms")
    fi
    for off in "${slowpaths[@]}"; do
      time_lint "$dir" "$version" "-Ddev.reflekt.slowPaths=$off"
      slow_goals[$off]="${slow_goals[$off]:-} $goal_ms"; slow_walls[$off]="${slow_walls[$off]:-} $wall"
    done
  done
  printf 'schemas=%s size_kb=%s help_s=%s wall_s=%s over_help_s=%s goal_ms=%s peak_rss_mb=%s (medians of %s)\n' \
    "$n" "$kb" "$(printf '%s\n' "${helps[@]}" | median)" "$(printf '%s\n' "${walls[@]}" | median)" \
    "$(printf '%s\n' "${overs[@]}" | median)" "$(printf '%s\n' "${goals[@]}" | median)" "$peak" "$runs"
  if [ -n "$baseline" ]; then
    bw=$(printf '%s\n' "${base_walls[@]}" | median); bg=$(printf '%s\n' "${base_goals[@]}" | median)
    printf '  baseline %s: wall_s=%s goal_ms=%s; this build / baseline: wall %.2f, goal %.2f\n' "$baseline" "$bw" "$bg" \
      "$(echo "$(printf '%s\n' "${walls[@]}" | median) / $bw" | bc -l)" \
      "$(echo "$(printf '%s\n' "${goals[@]}" | median) / $bg" | bc -l)"
  fi
  g=$(printf '%s\n' "${goals[@]}" | median); w=$(printf '%s\n' "${walls[@]}" | median)
  for off in "${slowpaths[@]}"; do
    # shellcheck disable=SC2086
    sg=$(printf '%s\n' ${slow_goals[$off]} | median); sw=$(printf '%s\n' ${slow_walls[$off]} | median)
    printf '  fast path %s off: wall_s=%s goal_ms=%s; it saves %s s of the process, %s ms (%.0f%%) of the goal\n' \
      "$off" "$sw" "$sg" "$(echo "$sw - $w" | bc)" "$(echo "$sg - $g" | bc)" "$(echo "100 * ($sg - $g) / $g" | bc -l)"
  done
done
