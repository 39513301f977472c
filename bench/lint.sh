#!/usr/bin/env bash
# Times the whole `reflekt:lint` goal (JVM start, Maven, lint, reports) on generated projects.
#
#   bench/lint.sh [N ...]      default: 1000 5000 10000
#
# Prints one line per size: schemas, wall seconds, peak RSS (MB), from /usr/bin/time -v. Targets on a
# 2-core machine: 1,000 schemas < 3 s; 10,000 < 5 s and < 1 GB peak RSS; time linear in N.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 5000 10000)
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; }

"$root/mvnw" -B -q -f "$root/pom.xml" install -DskipTests -Dinvoker.skip -Dspotless.check.skip
version=$("$root/mvnw" -B -q -f "$root/pom.xml" help:evaluate -Dexpression=project.version -DforceStdout)
goal="dev.reflekt:reflekt-maven-plugin:${version}:lint"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '%8s %10s %12s %s\n' schemas wall_s peak_rss_mb summary
for n in "${sizes[@]}"; do
  dir="$work/p$n"
  python3 "$root/bench/gen_schemas.py" "$dir" "$n"
  # One warm-up run so that the numbers do not include the first disk read of the files.
  (cd "$dir" && "$root/mvnw" -B -q -o "$goal" >/dev/null)
  (cd "$dir" && /usr/bin/time -v "$root/mvnw" -B -o "$goal" >"$work/out.txt" 2>"$work/time.txt")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$work/time.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$work/time.txt")
  summary=$(grep -o 'Reflekt lint: .*' "$work/out.txt" | sed 's/ (reports.*//')
  printf '%8s %10s %12s %s\n' "$n" "$wall" "$rss" "$summary"
done
