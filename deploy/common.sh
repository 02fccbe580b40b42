# Shared by the deploy scripts: where things are, the job jar (built when missing), and submit().
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JOB_JAR="$ROOT/job/target/ts4kit-job.jar"
CONF="$ROOT/conf/spark-defaults.conf"
LOG_CONF="$ROOT/conf/log4j2.properties"
if [ ! -f "$JOB_JAR" ]; then
  (cd "$ROOT" && mvn -q -B -ntp -DskipTests -pl job -am package) >&2
fi

# Where the driver and the executors read conf/log4j2.properties (-Dlog4j2.configurationFile, the way
# Spark's docs say). The scripts override these per cluster manager and deploy mode; empty leaves that
# JVM on the cluster's own log4j2.properties. Defaults: the driver runs here (client mode), and an
# executor reads the copy --files puts in its working directory (YARN localizes it before the JVM starts).
DRIVER_LOG_CONF="file:$LOG_CONF"
EXECUTOR_LOG_CONF="log4j2.properties"
SHIP_LOG_CONF=1           # --files conf/log4j2.properties (k8s reads the image's copy instead)
DRIVER_MODULE_OPTIONS=0   # 1: the driver JVM is started by something that does not add Spark's module opens
# SUBMIT_OPTIONS: more spark-submit options, split at spaces, after the script's own (so they win), e.g.
# SUBMIT_OPTIONS="--packages org.apache.hadoop:hadoop-aws:3.5.0 --conf spark.executor.instances=8"
read -r -a USER_OPTIONS <<< "${SUBMIT_OPTIONS:-}"

# spark-submit from a Spark 4.2 install, or SparkSubmit from the jars Maven fetched for the build.
#
# Java 17+ module opens: Spark 4.2 adds its own list (org.apache.spark.launcher.JavaModuleOptions) to
# every JVM it starts: the launcher behind bin/spark-submit to the client-mode driver, SparkContext to
# spark.executor.extraJavaOptions, YARN's client to the AM, the k8s driver pod runs spark-submit. So they
# are not passed here, except where nothing adds them: the SparkSubmit JVM this script starts itself
# (it is the client-mode driver), and a standalone cluster-mode driver (DRIVER_MODULE_OPTIONS=1).
# conf/java-options holds the same list for those cases.
#
# Properties: ours (conf/spark-defaults.conf) with --load-spark-defaults, so the cluster's own
# spark-defaults.conf ($SPARK_CONF_DIR or $SPARK_HOME/conf) still fills in what ours does not set.
# Precedence: --conf > ours > the cluster's. spark.{driver,executor}.extraJavaOptions are the
# application's (set below; EXTRA_JAVA_OPTIONS adds to both); a cluster's JVM flags belong in
# spark.{driver,executor}.defaultJavaOptions, which Spark prepends to them.
submit() {
  local driver=() executor=() flags=(--properties-file "$CONF" --load-spark-defaults)
  [ "$DRIVER_MODULE_OPTIONS" = 1 ] && mapfile -t driver < "$ROOT/conf/java-options"
  [ -n "$DRIVER_LOG_CONF" ] && driver+=("-Dlog4j2.configurationFile=$DRIVER_LOG_CONF")
  [ -n "$EXECUTOR_LOG_CONF" ] && executor+=("-Dlog4j2.configurationFile=$EXECUTOR_LOG_CONF")
  if [ -n "${EXTRA_JAVA_OPTIONS:-}" ]; then driver+=("$EXTRA_JAVA_OPTIONS"); executor+=("$EXTRA_JAVA_OPTIONS"); fi
  [ "$SHIP_LOG_CONF" = 1 ] && flags+=(--files "$LOG_CONF")
  [ ${#driver[@]} -gt 0 ] && flags+=(--conf "spark.driver.extraJavaOptions=${driver[*]}")
  [ ${#executor[@]} -gt 0 ] && flags+=(--conf "spark.executor.extraJavaOptions=${executor[*]}")
  if command -v spark-submit >/dev/null 2>&1; then
    spark-submit "${flags[@]}" "$@"
  else
    # no launcher here: this JVM gets Spark's module opens and the log config itself
    local java="java"; [ -n "${JAVA_HOME:-}" ] && java="$JAVA_HOME/bin/java"
    "$java" @"$ROOT/conf/java-options" -Dlog4j2.configurationFile="$LOG_CONF" ${EXTRA_JAVA_OPTIONS:-} \
      -cp "$(cat "$ROOT/job/target/classpath.txt")" org.apache.spark.deploy.SparkSubmit "${flags[@]}" "$@"
  fi
}
