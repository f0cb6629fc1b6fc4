#!/usr/bin/env bash
# The routing report: category top-1/top-2, municipality, urgency and not-an-appeal figures on the
# held-out TEST part of ../shared/datasets/appeals-dev.jsonl, and suggestion latency for a 2,000-character
# text (target p95 <= 20 ms). Prints a table; no assertions.
#
#   bench/routing.sh [iterations=3000]
#   MVN_FLAGS=-o bench/routing.sh      # offline, when the dependencies are already in ~/.m2
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -B -q ${MVN_FLAGS:-} -pl backend -am -Dskip.npm test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test

CLASSPATH="backend/target/test-classes:backend/target/classes:$(cat backend/target/bench-classpath.txt)"
exec java -Xms256m -Xmx256m -cp "$CLASSPATH" org.otklik.routing.RoutingBenchmark "$@"
