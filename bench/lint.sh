#!/usr/bin/env bash
# Times the whole `reflekt:lint` goal (JVM start, Maven, lint, reports) on generated projects.
#
#   bench/lint.sh [N ...]      default: 1000 5000 10000
#
# Prints one line per size: schemas, wall seconds, peak RSS (MB), from /usr/bin/time -v. Targets on a
# 2-core machine: 1,000 schemas < 3 s; 10,000 < 5 s and < 1 GB peak RSS; time linear in N.
set -euo pipefail
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 5000 10000)
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; }

# shellcheck source=bench/lib.sh
. "$(dirname "$0")/lib.sh"
goal="dev.reflekt:reflekt-maven-plugin:${version}:lint"

for n in "${sizes[@]}"; do
  dir="$work/p$n"
  python3 "$root/bench/gen_schemas.py" "$dir" "$n"
  # One warm-up run so that the numbers do not include the first disk read of the files.
  (cd "$dir" && "$root/mvnw" -B -q -o "$goal" >/dev/null)
  (cd "$dir" && /usr/bin/time -v "$root/mvnw" -B -o "$goal" >"$work/out.txt" 2>"$work/time.txt")
  summary=$(grep -o 'Reflekt lint: .*' "$work/out.txt" | sed 's/ (reports.*//')
  printf 'schemas=%s %s %s\n' "$n" "$(time_summary "$work/time.txt")" "$summary"
done
