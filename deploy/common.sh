# Shared by the deploy scripts: where things are, and the job jar (built when missing).
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JOB_JAR="$ROOT/job/target/ts4kit-job.jar"
CONF="$ROOT/conf/spark-defaults.conf"
if [ ! -f "$JOB_JAR" ]; then
  (cd "$ROOT" && mvn -q -B -ntp -DskipTests -pl job -am package) >&2
fi
# spark-submit from a Spark 4.2 install, or SparkSubmit from the jars Maven fetched for the build
submit() {
  if command -v spark-submit >/dev/null 2>&1; then
    spark-submit "$@"
  else
    local java="java"; [ -n "${JAVA_HOME:-}" ] && java="$JAVA_HOME/bin/java"
    local opts=(); while IFS= read -r l; do opts+=("$l"); done < "$ROOT/conf/java-options"
    "$java" "${opts[@]}" -Dlog4j2.configurationFile="$ROOT/conf/log4j2.properties" \
      -cp "$(cat "$ROOT/job/target/classpath.txt")" org.apache.spark.deploy.SparkSubmit "$@"
  fi
}
