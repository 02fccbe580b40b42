#!/usr/bin/env bash
# Kubernetes: K8S_MASTER=k8s://https://api.example:6443 IMAGE=registry.example/ts4kit-job:0.1.0 \
#   deploy/submit-k8s.sh --out s3a://bucket/ts4kit-out s3a://bucket/mods
# IMAGE is built from deploy/Dockerfile (Spark 4.2 on Java 17, the job jar at
# local:///opt/ts4kit/ts4kit-job.jar, conf/ at /opt/ts4kit/conf); JAR_URL serves another jar instead.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
: "${K8S_MASTER:?set K8S_MASTER=k8s://https://host:port}"
: "${IMAGE:?set IMAGE to the image built from deploy/Dockerfile}"
# driver and executors read the image's copy of conf/log4j2.properties: local files given to --files
# would need spark.kubernetes.file.upload.path (a shared store) to reach the pods
SHIP_LOG_CONF=0
DRIVER_LOG_CONF="file:/opt/ts4kit/conf/log4j2.properties"
EXECUTOR_LOG_CONF="file:/opt/ts4kit/conf/log4j2.properties"
submit --master "$K8S_MASTER" --deploy-mode cluster --name ts4kit --class org.ts4kit.job.JobMain \
  --conf spark.kubernetes.container.image="$IMAGE" \
  --conf spark.kubernetes.namespace="${NAMESPACE:-default}" \
  --conf spark.kubernetes.authenticate.driver.serviceAccountName="${SERVICE_ACCOUNT:-spark}" \
  --conf spark.executor.instances="${EXECUTORS:-4}" \
  --conf spark.executor.memory="${EXECUTOR_MEMORY:-4g}" --conf spark.driver.memory="${DRIVER_MEMORY:-2g}" \
  "${USER_OPTIONS[@]}" "${JAR_URL:-local:///opt/ts4kit/ts4kit-job.jar}" "$@"
