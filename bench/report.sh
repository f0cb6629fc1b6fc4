#!/usr/bin/env bash
# What a report of many appeals costs: seeds the embedded server (memory backend) with N appeals (bulk
# inserts with their SLA snapshot), downloads /api/reports/appeals.xlsx and .csv over HTTP as a curator, and prints
# the time, the size and the heap (largest heap left after any GC during the download, next to the baseline
# after seeding and to what holding the same rows in a list takes). Prints figures; asserts nothing.
#
#   bench/report.sh [appeals=100000]
#   MVN_FLAGS=-o HEAP=3g bench/report.sh   (the embedded memory backend holds the 100,000 documents and
#   their oplog entries in the same heap: 1g is not enough for it alone)
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -B -q ${MVN_FLAGS:-} -pl backend -am -Dskip.npm test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test

CLASSPATH="backend/target/test-classes:backend/target/classes:$(cat backend/target/bench-classpath.txt)"
exec java -Xmx"${HEAP:-3g}" -cp "$CLASSPATH" org.otklik.report.ReportBenchmark "$@"
