#!/usr/bin/env bash
# The answer-quality coach, measured.
#
#   bench/quality.sh [iterations=5000] [warmup=2000]
#       latency of QualityService.check on a ~1,500-character answer with its appeal as context, and
#       of the rules without the learned model in the same run; target p95 <= 20 ms. Prints
#       p50/p95/p99; no assertions on time.
#   bench/quality.sh metrics
#       precision/recall/F1 per rule, macro-F1, the share of good answers flagged and OFF_TOPIC, on the
#       tuning and held-out parts of shared/datasets/answers-dev.jsonl (split by CRC-32 of the id) and
#       on the own sets A-F written after the rules of their time
#       (backend/src/test/resources/quality/own-answers{,-b,-c,-d,-e,-f}.jsonl; see docs/quality.md),
#       then the learned model's leave-one-set-out table (LeaveOneSetOutTests: rules alone, model
#       alone, both). Runs both tests and prints their tables (the tests also fail below their bars).
#   MVN_FLAGS=-o bench/quality.sh ...   # offline, when the dependencies are already in ~/.m2
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = "metrics" ]; then
  log=$(mktemp)
  trap 'rm -f "$log"' EXIT
  status=0
  ./mvnw -B ${MVN_FLAGS:-} -Dskip.npm -pl backend test -Dtest='QualityDatasetTests,LeaveOneSetOutTests' \
    -Dsurefire.failIfNoSpecifiedTests=false >"$log" 2>&1 || status=$?
  # The table starts at its title line and ends with the OFF_TOPIC note.
  sed -n '/^Answer-quality coach:/,/^OFF_TOPIC on dev/p;/^Learned coach, leave one set out/,/^$/p' "$log"
  if [ "$status" -ne 0 ]; then
    grep -E 'FAIL|ERROR|expected|Expect' "$log" | head -20 >&2
  fi
  exit "$status"
fi

./mvnw -B -q ${MVN_FLAGS:-} -pl backend -am -Dskip.npm test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test

CLASSPATH="backend/target/test-classes:backend/target/classes:$(cat backend/target/bench-classpath.txt)"
exec java -Xms256m -Xmx256m -cp "$CLASSPATH" org.otklik.quality.QualityBenchmark "$@"
