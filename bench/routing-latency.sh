#!/usr/bin/env bash
# Latency of one routing suggestion for a 2,000-character text: p50/p95/p99 over N runs after 1,000 warm-up
# runs, the same-run baseline (stemming alone) and the machine's load average before and after, so a figure
# taken on a busy machine says so. Target: p95 <= 20 ms. Prints figures; no assertions.
#
#   bench/routing-latency.sh [iterations=3000]
#   MVN_FLAGS=-o bench/routing-latency.sh      # offline, when the dependencies are already in ~/.m2
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -B -q ${MVN_FLAGS:-} -pl backend -am -Dskip.npm test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test

CLASSPATH="backend/target/test-classes:backend/target/classes:$(cat backend/target/bench-classpath.txt)"
exec java -Xms256m -Xmx256m -cp "$CLASSPATH" org.otklik.routing.RoutingBenchmark latency "$@"
