#!/usr/bin/env bash
# Records ts4kit's start-up archive for one JDK: training runs on a small generated corpus.
#   record-archive.sh JAVA FEATURE JAR ARCHIVE STAMP
# Training: one JVM (org.ts4kit.cli.Training) runs the commands users start most, as Main would, output discarded:
#   inspect, ls, ls --json --hash, ls --type, cat, conflicts, compress-report and --help on a healthy package
#   of the corpus (conflicts and compress-report over the whole corpus).
# Java 17-24: its class list, then a static AppCDS dump (-Xshare:dump). Static, not -XX:ArchiveClassesAtExit:
#   picocli is compiled for Java 5 (class file 49), and a dynamic archive skips such classes ("Old class has been
#   linked"); the static dump keeps them.
# Java 25+: the same run with -XX:AOTCacheOutput (JEP 514/515: classes loaded and linked, plus method profiles);
#   an AOT cache has one training JVM, hence one JVM for every command. AOT caches leave out class files older
#   than Java 6 (picocli's), so first UpgradeClassFiles.java writes ARCHIVE's name with .jar (ts4kit-NN.jar): the
#   jar with those rewritten as Java 8 class files (same bytecode plus stack maps, each verified); bin/ts4kit runs
#   that jar with the cache. If the rewrite fails, the cache is trained on JAR itself and no such jar is left.
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
  # a healthy package (the Broken folder holds one per kind of damage: those stop before the interesting part)
  PKG="$(find "$WORK/corpus/Mods" -name '*.package' -not -path '*/Broken/*' 2>/dev/null | LC_ALL=C sort | head -n 1)"
  [ -n "$PKG" ] || ok=0
  KEY=""
  [ "$ok" = 1 ] && KEY="$("$JAVA" -jar "$JAR" ls "$PKG" | awk 'NR == 1 { print $1 }')"
  [ -n "$KEY" ] || ok=0
  TRAIN=(-cp "$JAR" org.ts4kit.cli.Training inspect "$PKG" , ls "$PKG" , ls --json --hash "$PKG" , ls --type StringTable "$PKG"
    , cat "$PKG" "$KEY" , conflicts "$WORK/corpus" , compress-report "$WORK/corpus" , --help)
  if [ "$ok" = 1 ] && [ "$FEATURE" -ge 25 ]; then
    RUNJAR="${ARCHIVE%.*}.jar"
    if "$JAVA" "$(dirname "$0")/UpgradeClassFiles.java" "$JAR" "$RUNJAR"; then
      TRAIN[1]="$RUNJAR"
    else
      rm -f "$RUNJAR"
    fi
    "$JAVA" -XX:+UseParallelGC -XX:AOTCacheOutput="$TMP" "${TRAIN[@]}" || true
    [ -s "$TMP" ] || ok=0
  elif [ "$ok" = 1 ]; then
    "$JAVA" -XX:+UseParallelGC -XX:DumpLoadedClassList="$WORK/classlist" "${TRAIN[@]}" || true
    "$JAVA" -Xshare:dump -XX:SharedClassListFile="$WORK/classlist" -XX:SharedArchiveFile="$TMP" -cp "$JAR" || ok=0
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
