#!/usr/bin/env bash
# YARN (needs HADOOP_CONF_DIR or YARN_CONF_DIR pointing at the cluster's configuration):
#   deploy/submit-yarn.sh --out hdfs:///user/me/ts4kit-out hdfs:///user/me/mods
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
: "${HADOOP_CONF_DIR:=${YARN_CONF_DIR:?set HADOOP_CONF_DIR (or YARN_CONF_DIR) to the cluster configuration}}"
export HADOOP_CONF_DIR
DEPLOY_MODE="${DEPLOY_MODE:-cluster}"
if [ "$DEPLOY_MODE" = cluster ]; then
  DRIVER_LOG_CONF="log4j2.properties" # the driver runs in the AM's container, where YARN put the --files copy
fi
submit --master yarn --deploy-mode "$DEPLOY_MODE" --class org.ts4kit.job.JobMain \
  --num-executors "${NUM_EXECUTORS:-4}" --executor-cores "${EXECUTOR_CORES:-2}" \
  --driver-memory "${DRIVER_MEMORY:-2g}" --executor-memory "${EXECUTOR_MEMORY:-4g}" \
  --conf spark.yarn.maxAppAttempts=1 \
  "${USER_OPTIONS[@]}" "$JOB_JAR" "$@"
