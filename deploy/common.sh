# Shared by the deploy scripts: where things are, and the job jar (built when missing).
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JOB_JAR="$ROOT/job/target/ts4kit-job.jar"
CONF="$ROOT/conf/spark-defaults.conf"
# conf/java-options, the one list of JVM flags (one a line), as one string for the extraJavaOptions
# below; EXTRA_JAVA_OPTIONS adds more (an --conf spark.*.extraJavaOptions of your own would replace these)
JAVA_OPTIONS="$(paste -sd' ' "$ROOT/conf/java-options") ${EXTRA_JAVA_OPTIONS:-}"
if [ ! -f "$JOB_JAR" ]; then
  (cd "$ROOT" && mvn -q -B -ntp -DskipTests -pl job -am package) >&2
fi
# spark-submit from a Spark 4.2 install, or SparkSubmit from the jars Maven fetched for the build (that
# JVM is the client-mode driver, so it gets the flags itself)
submit() {
  local flags=(--conf "spark.driver.extraJavaOptions=$JAVA_OPTIONS" --conf "spark.executor.extraJavaOptions=$JAVA_OPTIONS")
  if command -v spark-submit >/dev/null 2>&1; then
    spark-submit "${flags[@]}" "$@"
  else
    local java="java"; [ -n "${JAVA_HOME:-}" ] && java="$JAVA_HOME/bin/java"
    "$java" @"$ROOT/conf/java-options" -Dlog4j2.configurationFile="$ROOT/conf/log4j2.properties" \
      -cp "$(cat "$ROOT/job/target/classpath.txt")" org.apache.spark.deploy.SparkSubmit "${flags[@]}" "$@"
  fi
}
