#!/usr/bin/env bash
# Coverage-guided fuzzing of the readers with Jazzer (module fuzz; README, "Fuzzing").
#
#   tools/fuzz.sh [SECONDS_PER_HARNESS] [Harness ...]   fuzz every harness (or the named ones) in turn, 300 s each
#   tools/fuzz.sh --seeds                               rewrite the committed seed inputs (seed-* files)
#
# Each harness runs in its own JVM for the given time (Jazzer fuzzes one @FuzzTest per JVM) and stops
# early at its first finding. Jazzer writes a finding (crash-*, timeout-*, oom-*, slow-unit-*) into the
# harness's inputs folder, fuzz/src/test/resources/org/ts4kit/fuzz/<Harness>Inputs/<method>/, where every
# plain build replays it as a regression test; one written elsewhere (the module folder) is moved there.
# Each finding is printed; commit it with the fix. The corpus Jazzer grows is kept in fuzz/.cifuzz-corpus
# (not in git), so a later run starts where this one stopped; the real samples (shared/real-sample, not ours
# to commit) are added to it as extra seeds, so a finding may be mostly a real file: such findings are named
# at the end, to be reproduced on generated data before they are committed. Logs: fuzz/target/fuzz-logs/<Harness>.log.
# Exit status 1 when anything was found.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
INPUTS=fuzz/src/test/resources/org/ts4kit/fuzz
LOGS=fuzz/target/fuzz-logs
MVN=(mvn -o -B -q)

# The test classpath of the fuzz module, this checkout's own classes first. One reactor build for both
# goals: on its own, dependency:build-classpath would look for the library in ~/.m2 (nothing is installed).
classpath() {
  local deps
  deps="$(mktemp)"
  "${MVN[@]}" -pl fuzz -am test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$deps" >&2 \
    || { rm -f "$deps"; return 1; }
  echo "core/target/classes:testkit/target/classes:fuzz/target/test-classes:$(tr ':' '\n' < "$deps" | grep -v '/org/ts4kit/' | paste -sd:)"
  rm -f "$deps"
}

if [ "${1:-}" = "--seeds" ]; then
  CP="$(classpath)" || exit 1
  find "$INPUTS" -type f -name 'seed-*' -delete
  java -cp "$CP" org.ts4kit.fuzz.SeedCorpus committed "$INPUTS"
  exit 0
fi

SECONDS_PER_HARNESS="${1:-300}"
if ! [[ "$SECONDS_PER_HARNESS" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: tools/fuzz.sh [SECONDS_PER_HARNESS] [Harness ...] | --seeds" >&2
  exit 2
fi
shift || true
if [ $# -gt 0 ]; then
  HARNESSES=("$@")
else
  HARNESSES=()
  for f in fuzz/src/test/java/org/ts4kit/fuzz/*FuzzTest.java; do
    HARNESSES+=("$(basename "$f" .java)")
  done
fi

mkdir -p "$LOGS"
echo "fuzz: real samples as extra seeds (if present) ..."
CP="$(classpath)" || exit 1
java -cp "$CP" org.ts4kit.fuzz.SeedCorpus real fuzz/.cifuzz-corpus

# Jazzer's (libFuzzer's) names for what it writes when an input fails.
is_finding() { case "$1" in crash-*|timeout-*|oom-*|slow-unit-*|leak-*) return 0 ;; *) return 1 ;; esac; }
snapshot() { find fuzz -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'slow-unit-*' -o -name 'leak-*' \) -not -path 'fuzz/target/*' -not -path 'fuzz/.cifuzz-corpus/*' | sort; }

found=0
findings=()
for h in "${HARNESSES[@]}"; do
  method="$(grep -A1 '@FuzzTest' "fuzz/src/test/java/org/ts4kit/fuzz/$h.java" | grep -o 'void [A-Za-z0-9_]*' | head -1 | cut -d' ' -f2)"
  dest="$INPUTS/${h}Inputs/$method"
  mkdir -p "$dest"
  before="$(snapshot)"
  echo "fuzz: $h#$method for ${SECONDS_PER_HARNESS}s (log $LOGS/$h.log) ..."
  if mvn -o -B -pl fuzz -am verify -Dfuzz.seconds="$SECONDS_PER_HARNESS" -Dtest="$h" -Dsurefire.failIfNoSpecifiedTests=false \
      > "$LOGS/$h.log" 2>&1; then
    status=ok
  else
    status=FAILED
  fi
  grep -E '^#[0-9]+ +DONE|^Done [0-9]+ runs' "$LOGS/$h.log" | sed 's/^/  /' || true
  new="$(comm -13 <(echo "$before") <(snapshot))"
  for f in $new; do
    name="$(basename "$f")"
    is_finding "$name" || continue
    if [ "$(dirname "$f")" != "$dest" ]; then
      mv "$f" "$dest/$name"
    fi
    echo "  FINDING: $dest/$name"
    findings+=("$dest/$name")
    found=1
  done
  if [ "$status" = FAILED ] && [ -z "$new" ]; then
    echo "  the run failed without a finding file: see $LOGS/$h.log"
    found=1
  fi
done
if [ ${#findings[@]} -gt 0 ]; then
  java -cp "$CP" org.ts4kit.fuzz.Provenance "${findings[@]}"
fi
exit "$found"
