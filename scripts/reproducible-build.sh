#!/usr/bin/env bash
# Builds the core, plugin and archetype jars twice, each time from a fresh clone of the committed tree,
# and checks that they are byte for byte the same (project.build.outputTimestamp fixes archive times).
#
#   scripts/reproducible-build.sh
#
# Exits non-zero, naming the jars and the entries that differ, when a build is not reproducible.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
jars=(reflekt-core/target/reflekt-core-*.jar reflekt-maven-plugin/target/reflekt-maven-plugin-*.jar
  archetype/target/reflekt-archetype-*.jar)
for n in 1 2; do
  git clone -q "$root" "$work/build$n"
  (cd "$work/build$n" && ./mvnw -B -q package -DskipTests -Dinvoker.skip -Dspotless.check.skip=true >/dev/null)
done
status=0
count=0
for pattern in "${jars[@]}"; do
  for a in $work/build1/$pattern; do
    b="$work/build2/${a#"$work/build1/"}"
    count=$((count + 1))
    if ! cmp -s "$a" "$b"; then
      status=1
      echo "NOT reproducible: ${a#"$work/build1/"}" >&2
      diff <(unzip -lv "$a" | awk '{print $7, $8}') <(unzip -lv "$b" | awk '{print $7, $8}') >&2 || true
    fi
  done
done
[ "$count" -gt 0 ] || { echo "no jars were built" >&2; exit 1; }
[ "$status" -eq 0 ] && echo "Reproducible: $count jars byte-identical across two clean builds."
exit "$status"
