#!/usr/bin/env bash
# Times `reflekt:generate` (Java and TypeScript, Segment adapters) on N generated schemas, whole process and the
# goal's own reported time, then compiles the generated Java with javac to show it is valid.
#
#   bench/generate.sh [N]      default: 1000
#
# Target on a 2-core machine: 1,000 schemas in under 3 s for the goal.
set -euo pipefail
n=${1:-1000}

# shellcheck source=bench/lib.sh
. "$(dirname "$0")/lib.sh"
goal="dev.reflekt:reflekt-maven-plugin:${version}:generate"

dir="$work/project"
python3 "$root/bench/gen_schemas.py" "$dir" "$n"
args=(-Dreflekt.generate.languages=java,typescript -Dreflekt.generate.package=com.example.events
  -Dreflekt.generate.sdk=none)

(cd "$dir" && "$root/mvnw" -B -q -o "$goal" "${args[@]}" >/dev/null)  # warm-up
rm -rf "$dir/target"
(cd "$dir" && /usr/bin/time -v "$root/mvnw" -B -o "$goal" "${args[@]}" >"$work/out.txt" 2>"$work/time.txt")
java_files=$(find "$dir/target/generated-sources/reflekt" -name '*.java' | wc -l)
printf 'schemas=%s %s java_files=%s\n' "$n" "$(time_summary "$work/time.txt")" "$java_files"
grep -o 'Reflekt generate: .*' "$work/out.txt"

start=$(date +%s%N)
find "$dir/target/generated-sources/reflekt" -name '*.java' > "$work/sources.txt"
javac --release 11 -d "$work/classes" @"$work/sources.txt"
printf 'javac of the generated sources: %s ms\n' "$(( ($(date +%s%N) - start) / 1000000 ))"
