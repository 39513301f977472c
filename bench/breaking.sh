#!/usr/bin/env bash
# Times the whole `reflekt:breaking` goal on a generated git repository: N schemas committed on main,
# then C of them changed on a branch (a new optional property each, a compatible change).
#
#   bench/breaking.sh [N] [C]      default: 1000 100
#
# Target on a 2-core machine: 1,000 schemas with 100 changed in under 5 s, whole process.
set -euo pipefail
n=${1:-1000}
changed=${2:-100}
command -v git >/dev/null || { echo "needs git to build the benchmark repository" >&2; exit 2; }

# shellcheck source=bench/lib.sh
. "$(dirname "$0")/lib.sh"
goal="dev.reflekt:reflekt-maven-plugin:${version}:breaking"

dir="$work/repo"
python3 "$root/bench/gen_schemas.py" "$dir" "$n"
(cd "$dir" && git init -q -b main && git add -A \
  && git -c user.name=bench -c user.email=bench@example.com commit -qm schemas && git checkout -qb change)
mapfile -t files < <(find "$dir/schemas/bench" -name '1-0.json' | sort | head -n "$changed")
python3 - "${files[@]}" <<'PY'
import json, sys
for p in sys.argv[1:]:
    s = json.load(open(p))
    s["properties"]["bench_extra"] = {"description": "Added on the branch.", "type": "string"}
    json.dump(s, open(p, "w"), indent=2)
PY

(cd "$dir" && "$root/mvnw" -B -q -o "$goal" >/dev/null)  # warm-up
(cd "$dir" && /usr/bin/time -v "$root/mvnw" -B -o "$goal" >"$work/out.txt" 2>"$work/time.txt")
printf 'schemas=%s changed=%s %s\n' "$n" "$changed" "$(time_summary "$work/time.txt")"
grep -o 'Reflekt breaking: .*' "$work/out.txt" | sed 's/ (reports.*//'
