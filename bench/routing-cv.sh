#!/usr/bin/env bash
# Cross-validation of the routing category model: 5-fold top-1 over the shipped examples only (seed corpus
# and the TRAIN part of the dev set; the held-out TEST rows are never among them), on four splits, with the
# first split's confusion matrix. This is the figure changes to the model are chosen by. No assertions.
#
#   bench/routing-cv.sh
#   MVN_FLAGS=-o bench/routing-cv.sh      # offline, when the dependencies are already in ~/.m2
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -B -q ${MVN_FLAGS:-} -pl backend -am -Dskip.npm test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test

CLASSPATH="backend/target/test-classes:backend/target/classes:$(cat backend/target/bench-classpath.txt)"
exec java -Xms256m -Xmx256m -cp "$CLASSPATH" org.otklik.routing.RoutingBenchmark cv
