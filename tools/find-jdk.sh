#!/usr/bin/env bash
# Prints the home of an installed JDK whose feature version is at least $1 (default 25), newest first;
# exits 1 when there is none. Looks at $TS4KIT_JDK_DIRS (colon-separated folders holding JDKs), else the
# usual places (/usr/lib/jvm on Debian, /opt, /usr/local). Reads each JDK's release file: no JVM is started.
set -euo pipefail
want="${1:-25}"
IFS=: read -r -a dirs <<< "${TS4KIT_JDK_DIRS:-/usr/lib/jvm:/opt:/usr/local}"
best="" best_feature=0
for d in "${dirs[@]}"; do
  for home in "$d"/*/; do
    home="${home%/}"
    [ -x "$home/bin/java" ] && [ -r "$home/release" ] || continue
    version=$(sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "$home/release")
    feature="${version%%.*}"
    [[ "$feature" =~ ^[0-9]+$ ]] || continue
    if [ "$feature" -ge "$want" ] && [ "$feature" -gt "$best_feature" ]; then best="$home" best_feature="$feature"; fi
  done
done
[ -n "$best" ] || exit 1
echo "$best"
