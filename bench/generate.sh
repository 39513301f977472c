#!/usr/bin/env bash
# Times `reflekt:generate` (Java and TypeScript, Segment adapters) on N generated schemas, whole process and the
# goal's own reported time, then compiles the generated Java with javac to show it is valid.
#
#   bench/generate.sh [N]      default: 1000
#   bench/generate.sh iglu     the 660 real Iglu Central schemas (BENCH_CORPUS, default ../shared/corpora/iglu-central),
#                              Snowplow adapters; the baseline may refuse them (before issue 32 it typed none of a
#                              project with one union), so A/B is meant for N
#   BENCH_SDK=amplitude        the adapters' SDK (default: none for N, snowplow for iglu)
#   BENCH_RUNS=9               also time N runs interleaved with BENCH_BASELINE (medians of the goal's own time)
#   BENCH_BASELINE=0.0.10-base an installed plugin version to compare with
#
# Target on a 2-core machine: 1,000 schemas in under 3 s for the goal.
set -euo pipefail
n=${1:-1000}

# shellcheck source=bench/lib.sh
. "$(dirname "$0")/lib.sh"
goal="dev.reflekt:reflekt-maven-plugin:${version}:generate"

dir="$work/project"
args=(-Dreflekt.generate.languages=java,typescript -Dreflekt.generate.package=com.example.events
  -Dreflekt.generate.sdk="${BENCH_SDK:-none}")
if [ "$n" = iglu ]; then
  corpus=${BENCH_CORPUS:-$root/../shared/corpora/iglu-central}
  [ -d "$corpus" ] || { echo "no corpus at $corpus (BENCH_CORPUS)" >&2; exit 1; }
  mkdir -p "$dir" && cp -r "$corpus/." "$dir/"
  args=(-Dreflekt.generate.languages=java,typescript -Dreflekt.generate.package=com.example.events
    -Dreflekt.generate.sdk="${BENCH_SDK:-snowplow}")
else
  python3 "$root/bench/gen_schemas.py" "$dir" "$n"
fi

(cd "$dir" && "$root/mvnw" -B -q -o "$goal" "${args[@]}" >/dev/null)  # warm-up
rm -rf "$dir/target"
(cd "$dir" && /usr/bin/time -v "$root/mvnw" -B -o "$goal" "${args[@]}" >"$work/out.txt" 2>"$work/time.txt")
java_files=$(find "$dir/target/generated-sources/reflekt" -name '*.java' | wc -l)
printf 'schemas=%s %s java_files=%s\n' "$n" "$(time_summary "$work/time.txt")" "$java_files"
grep -o 'Reflekt generate: .*' "$work/out.txt"

# A/B: the goal's own time, this build and the baseline alternating first
runs=${BENCH_RUNS:-0}
baseline=${BENCH_BASELINE:-}
if [ "$runs" -gt 0 ] && [ -n "$baseline" ]; then
  median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
  goal_ms() {  # VERSION: one run, prints the goal's reported milliseconds
    rm -rf "$dir/target"
    (cd "$dir" && "$root/mvnw" -B -o "dev.reflekt:reflekt-maven-plugin:$1:generate" "${args[@]}" >"$work/ab.txt" 2>&1)
    grep -o 'Reflekt generate: .* in [0-9]* ms' "$work/ab.txt" | grep -o '[0-9]* ms$' | cut -d' ' -f1
  }
  mine=(); theirs=()
  for i in $(seq "$runs"); do
    if [ $((i % 2)) -eq 0 ]; then theirs+=("$(goal_ms "$baseline")"); mine+=("$(goal_ms "$version")")
    else mine+=("$(goal_ms "$version")"); theirs+=("$(goal_ms "$baseline")"); fi
  done
  m=$(printf '%s\n' "${mine[@]}" | median); t=$(printf '%s\n' "${theirs[@]}" | median)
  printf 'goal_ms: this build %s, baseline %s %s (medians of %s, interleaved): %.2f\n' "$m" "$baseline" "$t" "$runs" \
    "$(echo "$m / $t" | bc -l)"
  rm -rf "$dir/target"
  (cd "$dir" && "$root/mvnw" -B -q -o "$goal" "${args[@]}" >/dev/null)
fi

start=$(date +%s%N)
find "$dir/target/generated-sources/reflekt" -name '*.java' > "$work/sources.txt"
if [ "$n" = iglu ]; then
  # the adapters compile against their SDK: javac the events only
  grep -v -e '/SnowplowEvents.java$' -e '/AmplitudeEvents.java$' "$work/sources.txt" > "$work/events.txt"
  mv "$work/events.txt" "$work/sources.txt"
fi
javac --release 11 -Werror -d "$work/classes" @"$work/sources.txt"
printf 'javac of the generated sources: %s ms\n' "$(( ($(date +%s%N) - start) / 1000000 ))"
