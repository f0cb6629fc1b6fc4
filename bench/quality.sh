#!/usr/bin/env bash
# Latency of the answer-quality coach: QualityService.check on a ~1,500-character answer with its
# appeal as context. Target p95 <= 20 ms. Prints p50/p95/p99; no assertions on time.
#
#   bench/quality.sh [iterations=5000] [warmup=2000]
#   MVN_FLAGS=-o bench/quality.sh      # offline, when the dependencies are already in ~/.m2
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -B -q ${MVN_FLAGS:-} -pl backend -am -Dskip.npm test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test

CLASSPATH="backend/target/test-classes:backend/target/classes:$(cat backend/target/bench-classpath.txt)"
exec java -Xms256m -Xmx256m -cp "$CLASSPATH" org.otklik.quality.QualityBenchmark "$@"
