#!/usr/bin/env bash
# Times the whole `reflekt:breaking` goal on a git repository, interleaved with a baseline build.
#
#   bench/breaking.sh [N] [C]      N generated schemas committed on main, then C of them changed on a branch (a new
#                                  optional property each, a compatible change); default: 1000 100
#   bench/breaking.sh iglu         the Iglu Central history: the lowest version of every event committed, then the
#                                  141 later versions added (BENCH_CORPUS, default ../shared/corpora/iglu-central);
#                                  the goal finds breaks there, and is timed all the same
#   BENCH_RUNS=9                   runs (medians are printed)
#   BENCH_BASELINE=0.0.10-base     also time that installed plugin version, interleaved, and print the ratio
#
# Target on a 2-core machine: 1,000 schemas with 100 changed in under 5 s, whole process.
set -euo pipefail
command -v git >/dev/null || { echo "needs git to build the benchmark repository" >&2; exit 2; }

# shellcheck source=bench/lib.sh
. "$(dirname "$0")/lib.sh"
runs=${BENCH_RUNS:-9}
baseline=${BENCH_BASELINE:-}
corpus=${BENCH_CORPUS:-$root/../shared/corpora/iglu-central}
if [ -n "$baseline" ] && [ ! -d "$HOME/.m2/repository/dev/reflekt/reflekt-maven-plugin/$baseline" ]; then
  echo "BENCH_BASELINE=$baseline is not installed in ~/.m2; timing this build only" >&2
  baseline=""
fi
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
commit() { git -c user.name=bench -c user.email=bench@example.com commit -qm "$1"; }

dir="$work/repo"
if [ "${1:-}" = iglu ]; then
  [ -d "$corpus/schemas" ] || { echo "SKIPPED: no corpus at $corpus (set BENCH_CORPUS)" >&2; exit 0; }
  label="schemas=iglu-history"
  cp -r "$corpus" "$dir" && chmod -R u+w "$dir"
  cp -r "$dir/schemas" "$work/all"
  # keep the lowest version of every event on main
  python3 - "$dir/schemas" <<'PY'
import os, re, sys
for folder, _, files in os.walk(sys.argv[1]):
    versions = sorted((tuple(map(int, m.groups())), f) for f in files if (m := re.fullmatch(r"(\d+)-(\d+)\.json", f)))
    for _, f in versions[1:]:
        os.remove(os.path.join(folder, f))
PY
  (cd "$dir" && git init -q -b main && git add -A && commit lowest && git checkout -qb change)
  cp -r "$work/all/." "$dir/schemas/"
else
  n=${1:-1000}
  changed=${2:-100}
  label="schemas=$n changed=$changed"
  python3 "$root/bench/gen_schemas.py" "$dir" "$n"
  (cd "$dir" && git init -q -b main && git add -A && commit schemas && git checkout -qb change)
  mapfile -t files < <(find "$dir/schemas/bench" -name '1-0.json' | sort | head -n "$changed")
  python3 - "${files[@]}" <<'PY'
import json, sys
for p in sys.argv[1:]:
    s = json.load(open(p))
    s["properties"]["bench_extra"] = {"description": "Added on the branch.", "type": "string"}
    json.dump(s, open(p, "w"), indent=2)
PY
fi

# time_goal VERSION: runs the goal once; sets wall, goal_ms, rss (a run that reports breaks is still a whole run)
time_goal() {
  (cd "$dir" && /usr/bin/time -v "$root/mvnw" -B -o -Dstyle.color=never "dev.reflekt:reflekt-maven-plugin:$1:breaking" \
      >"$work/out.txt" 2>"$work/time.txt") \
    || grep -q 'Reflekt breaking: .* in [0-9]* ms' "$work/out.txt" || { cat "$work/out.txt" >&2; exit 1; }
  wall=$(time_summary "$work/time.txt" | sed 's/wall_s=\([^ ]*\).*/\1/')
  goal_ms=$(grep -o 'Reflekt breaking: .* in [0-9]* ms' "$work/out.txt" | grep -o '[0-9]* ms$' | cut -d' ' -f1)
  rss=$(time_summary "$work/time.txt" | sed 's/.*peak_rss_mb=//')
}

time_goal "$version" >/dev/null  # warm-up
summary=$(grep -o 'Reflekt breaking: .*' "$work/out.txt" | sed 's/ (reports.*//' | head -n 1)
walls=(); goals=(); base_walls=(); base_goals=(); peak=0
for i in $(seq "$runs"); do
  # alternate which build goes first, so that the machine's drift hits both alike
  if [ -n "$baseline" ] && [ $((i % 2)) -eq 0 ]; then
    time_goal "$baseline"; base_walls+=("$wall"); base_goals+=("$goal_ms")
  fi
  time_goal "$version"; walls+=("$wall"); goals+=("$goal_ms")
  [ "$rss" -gt "$peak" ] && peak=$rss
  if [ -n "$baseline" ] && [ $((i % 2)) -eq 1 ]; then
    time_goal "$baseline"; base_walls+=("$wall"); base_goals+=("$goal_ms")
  fi
done
w=$(printf '%s\n' "${walls[@]}" | median); g=$(printf '%s\n' "${goals[@]}" | median)
printf '%s wall_s=%s goal_ms=%s peak_rss_mb=%s (medians of %s)\n' "$label" "$w" "$g" "$peak" "$runs"
if [ -n "$baseline" ]; then
  bw=$(printf '%s\n' "${base_walls[@]}" | median); bg=$(printf '%s\n' "${base_goals[@]}" | median)
  printf '  baseline %s: wall_s=%s goal_ms=%s; this build / baseline: wall %.2f, goal %.2f\n' "$baseline" "$bw" "$bg" \
    "$(echo "$w / $bw" | bc -l)" "$(echo "$g / $bg" | bc -l)"
fi
echo "$summary"
