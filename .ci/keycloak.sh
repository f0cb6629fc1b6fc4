#!/usr/bin/env bash
# Starts a real Keycloak 26.4 for KeycloakIntegrationTests (./mvnw -Pkeycloak ...), without Docker:
# the distribution comes from Maven Central through the Maven Wrapper, runs on Temurin 25 in the
# background on port 8180, and imports the production realm plus the test-only overlay.
#
#   .ci/keycloak.sh          start (idempotent: reuses a running instance) and wait until ready
#   .ci/keycloak.sh stop     stop it
#
# Environment: KEYCLOAK_VERSION (26.4.7), KEYCLOAK_PORT (8180), KEYCLOAK_JAVA_HOME (Temurin 25),
# OTKLIK_CACHE (~/.cache/otklik; the zip and the unpacked server live there).
set -euo pipefail

VERSION="${KEYCLOAK_VERSION:-26.4.7}"
PORT="${KEYCLOAK_PORT:-8180}"
JAVA_HOME_KC="${KEYCLOAK_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
CACHE="${OTKLIK_CACHE:-$HOME/.cache/otklik}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
HOME_KC="$CACHE/keycloak-$VERSION"
PID_FILE="$CACHE/keycloak.pid"
LOG="$CACHE/keycloak.log"
URL="http://localhost:$PORT"

if [[ "${1:-start}" == "stop" ]]; then
  if [[ -f "$PID_FILE" ]] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
    kill "$(cat "$PID_FILE")"
    for _ in $(seq 1 30); do kill -0 "$(cat "$PID_FILE")" 2>/dev/null || break; sleep 1; done
    echo "Keycloak stopped."
  else
    echo "Keycloak is not running."
  fi
  rm -f "$PID_FILE"
  exit 0
fi

ready() { curl -fs -o /dev/null "$URL/realms/otklik/.well-known/openid-configuration"; }

if [[ -f "$PID_FILE" ]] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null && ready; then
  echo "Keycloak already running at $URL (pid $(cat "$PID_FILE"))."
  exit 0
fi

mkdir -p "$CACHE"
if [[ ! -x "$HOME_KC/bin/kc.sh" ]]; then
  echo "Fetching org.keycloak:keycloak-quarkus-dist:$VERSION:zip from Maven Central..."
  (cd "$ROOT" && ./mvnw -B -q -N dependency:copy \
      -Dartifact="org.keycloak:keycloak-quarkus-dist:$VERSION:zip" -DoutputDirectory="$CACHE")
  rm -rf "$HOME_KC.tmp" && mkdir -p "$HOME_KC.tmp"
  if command -v unzip > /dev/null; then
    unzip -q "$CACHE/keycloak-quarkus-dist-$VERSION.zip" -d "$HOME_KC.tmp"
  else
    python3 -m zipfile -e "$CACHE/keycloak-quarkus-dist-$VERSION.zip" "$HOME_KC.tmp"
    chmod +x "$HOME_KC.tmp/keycloak-$VERSION"/bin/*.sh
  fi
  mv "$HOME_KC.tmp/keycloak-$VERSION" "$HOME_KC" && rm -rf "$HOME_KC.tmp"
fi

# A fresh dev database every start, so the imported realm is exactly what the files say.
rm -rf "$HOME_KC/data"
mkdir -p "$HOME_KC/data/import"
cp "$ROOT/deploy/keycloak/otklik-realm.json" "$HOME_KC/data/import/"
# The test-only client (password grant) is merged into the realm for tests only; see the overlay file.
python3 "$ROOT/.ci/merge-realm.py" "$ROOT/deploy/keycloak/otklik-realm.json" \
  "$ROOT/backend/src/test/resources/keycloak/otklik-test-realm.json" > "$HOME_KC/data/import/otklik-realm.json"

started=$(date +%s)
echo "Starting Keycloak $VERSION on $URL (log: $LOG)..."
(
  export JAVA_HOME="$JAVA_HOME_KC"
  # Without this, shutdown throws IllegalAccessError on Java 25.
  export JAVA_OPTS_APPEND="--add-opens java.base/java.lang=ALL-UNNAMED"
  export KC_BOOTSTRAP_ADMIN_USERNAME="${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}"
  export KC_BOOTSTRAP_ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}"
  nohup "$HOME_KC/bin/kc.sh" start-dev --http-port="$PORT" --import-realm > "$LOG" 2>&1 &
  echo $! > "$PID_FILE"
)

for _ in $(seq 1 180); do
  if ready; then
    echo "Keycloak ready at $URL after $(( $(date +%s) - started )) s (pid $(cat "$PID_FILE"))."
    echo "Run:  ./mvnw -B -f backend/pom.xml -Pkeycloak test"
    echo "Stop: .ci/keycloak.sh stop   (or kill $(cat "$PID_FILE"))"
    exit 0
  fi
  if ! kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
    echo "Keycloak exited; last log lines:" >&2; tail -40 "$LOG" >&2; exit 1
  fi
  sleep 1
done
echo "Keycloak did not become ready in 180 s; see $LOG" >&2
exit 1
