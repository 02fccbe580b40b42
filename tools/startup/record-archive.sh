#!/usr/bin/env bash
# Records ts4kit's start-up archive for one JDK: training runs on a small generated corpus.
#   record-archive.sh JAVA FEATURE JAR ARCHIVE STAMP
# Java 17-24: class lists of `inspect`, `ls --json --hash` and `conflicts`, merged, then a static AppCDS dump
#   (-Xshare:dump). Static, not -XX:ArchiveClassesAtExit: picocli is compiled for Java 5 (class file 49),
#   and a dynamic archive skips such classes ("Old class has been linked"); the static dump keeps them.
# Java 25+: one training run of `conflicts` with -XX:AOTCacheOutput (JEP 514/515: classes loaded and linked,
#   plus method profiles). One JVM, so one command; conflicts loads what inspect and ls load but ~15 classes.
# Writes ARCHIVE and ARCHIVE.stamp ("ok STAMP" or "failed STAMP"; failed: not retried until the jar changes),
# the JVMs' messages to ARCHIVE.log; nothing to stdout. Runs in parallel are harmless (temp names, mv).
set -uo pipefail
JAVA="$1" FEATURE="$2" JAR="$3" ARCHIVE="$4" STAMP="$5"
echo "ts4kit: recording start-up archive $ARCHIVE (once per build and JDK) ..." >&2
WORK="$(mktemp -d "${TMPDIR:-/tmp}/ts4kit-train.XXXXXX")" || exit 1
trap 'rm -rf "$WORK"' EXIT
LOG="$ARCHIVE.log"
TMP="$ARCHIVE.tmp.$$"
ok=1
{
  echo "# $(date -u +%FT%TZ) $STAMP"
  "$JAVA" -jar "$JAR" gen "$WORK/corpus" --packages 12 --seed 1 || ok=0
  PKG="$(find "$WORK/corpus" -name '*.package' -path '*LittleMsSam*' -print -quit)"
  [ -n "$PKG" ] || PKG="$(find "$WORK/corpus" -name '*.package' -not -path '*Broken*' -print -quit)"
  if [ "$ok" = 1 ] && [ "$FEATURE" -ge 25 ]; then
    "$JAVA" -XX:+UseParallelGC -XX:AOTCacheOutput="$TMP" -jar "$JAR" conflicts "$WORK/corpus" || true
    [ -s "$TMP" ] || ok=0
  elif [ "$ok" = 1 ]; then
    n=0
    for cmd in "inspect $PKG" "ls --json --hash $PKG" "conflicts $WORK/corpus"; do
      n=$((n + 1))
      # shellcheck disable=SC2086
      "$JAVA" -XX:+UseParallelGC -XX:DumpLoadedClassList="$WORK/$n.classlist" -jar "$JAR" $cmd || true
    done
    cat "$WORK"/*.classlist 2>/dev/null | awk '!seen[$0]++' > "$WORK/all.classlist"
    if ! "$JAVA" -Xshare:dump -XX:SharedClassListFile="$WORK/all.classlist" -XX:SharedArchiveFile="$TMP" -cp "$JAR"; then
      # class lists with ids (newer JDKs) do not merge: the conflicts run's list alone
      rm -f "$TMP"
      "$JAVA" -Xshare:dump -XX:SharedClassListFile="$WORK/$n.classlist" -XX:SharedArchiveFile="$TMP" -cp "$JAR" || ok=0
    fi
    [ -s "$TMP" ] || ok=0
  fi
} > "$LOG" 2>&1 < /dev/null
if [ "$ok" = 1 ] && mv -f "$TMP" "$ARCHIVE"; then
  echo "ok $STAMP" > "$ARCHIVE.stamp.$$" && mv -f "$ARCHIVE.stamp.$$" "$ARCHIVE.stamp"
else
  rm -f "$TMP" "$TMP.config"
  echo "ts4kit: could not record the start-up archive (see $LOG); running without it" >&2
  echo "failed $STAMP" > "$ARCHIVE.stamp.$$" && mv -f "$ARCHIVE.stamp.$$" "$ARCHIVE.stamp"
fi
