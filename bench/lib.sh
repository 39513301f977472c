# Shared by the bench scripts: builds and installs the plugin, sets $root, $version and $work (a
# temporary folder removed on exit). Source it; do not run it.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/mvnw" -B -q -f "$root/pom.xml" install -DskipTests -Dinvoker.skip -Dspotless.check.skip
version=$("$root/mvnw" -B -q -f "$root/pom.xml" help:evaluate -Dexpression=project.version -DforceStdout)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Prints "wall_s=.. peak_rss_mb=.." from a /usr/bin/time -v report.
time_summary() {
  awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; w=s}
              /Maximum resident set size/ {r=$2/1024}
              END {printf "wall_s=%s peak_rss_mb=%.0f", w, r}' "$1"
}
