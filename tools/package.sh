#!/usr/bin/env bash
# Builds MODULE's jars and what it needs (`mvn package -pl MODULE -am`, tests skipped), quietly, output on stderr:
# what bin/ts4kit, bin/ts4kit-job, bin/ts4kit-job-bench and tools/inflate-bench/run.sh run when a jar is missing
# or stale. Core's Java 22+ classes (the libdeflate twin, README "Native inflate") need a JDK 22+ to compile:
# Maven's own, or the one tools/find-jdk.sh finds, passed as -Dts4kit.jdk22.
#   tools/package.sh MODULE
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JDK22="$("$ROOT/tools/find-jdk.sh" 22 2>/dev/null || true)"
cd "$ROOT"
mvn -q -B -ntp -DskipTests ${JDK22:+"-Dts4kit.jdk22=$JDK22"} -pl "$1" -am package >&2
