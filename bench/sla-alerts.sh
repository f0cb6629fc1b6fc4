#!/usr/bin/env bash
# Cost of the SLA alert check with many open appeals: the indexed due-appeal query versus reading every
# open appeal. Prints medians; no assertions on time.
#
#   bench/sla-alerts.sh [appeals=100000] [dueNow=200] [runs=7]
#   MVN_FLAGS=-o bench/sla-alerts.sh
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -B -q ${MVN_FLAGS:-} -pl backend -am -Dskip.npm test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test

CLASSPATH="backend/target/test-classes:backend/target/classes:$(cat backend/target/bench-classpath.txt)"
exec java -Xmx2g -cp "$CLASSPATH" org.otklik.appeal.SlaAlertBenchmark "$@"
