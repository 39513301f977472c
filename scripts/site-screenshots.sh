#!/usr/bin/env bash
# Builds the plugin site and takes a screenshot of every page with headless Chromium (Debian: apt-get install
# chromium), for reviewing the documentation as users see it.
#
#   scripts/site-screenshots.sh [OUT]     default OUT: target/site-screenshots
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/target/site-screenshots}
browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || { echo "needs Chromium (apt-get install chromium)" >&2; exit 2; }
"$root/mvnw" -B -q -f "$root/pom.xml" install -DskipTests -Dinvoker.skip
"$root/mvnw" -B -q -f "$root/reflekt-maven-plugin/pom.xml" site
mkdir -p "$out"
site="$root/reflekt-maven-plugin/target/site"
for page in "$site"/*.html; do
  name=$(basename "$page" .html)
  timeout 60 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,1600 \
    --screenshot="$out/$name.png" "file://$page" >/dev/null 2>&1
done
echo "$(find "$out" -name '*.png' | wc -l) screenshots in $out"
