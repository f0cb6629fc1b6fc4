#!/usr/bin/env bash
# Starts a real Keycloak 26.4 for KeycloakIntegrationTests (./mvnw -Pkeycloak ...), without Docker:
# the distribution comes from Maven Central through the Maven Wrapper, runs on a JDK 21+ in the
# background on port 8180, and imports the production realm plus the test-only overlay.
#
#   .ci/keycloak.sh          start (idempotent: reuses a running instance) and wait until ready
#   .ci/keycloak.sh stop     stop it
#
# Environment: KEYCLOAK_VERSION (26.4.7), KEYCLOAK_PORT (8180), KEYCLOAK_READY_TIMEOUT (600 s: a first
# start on a loaded machine spends minutes in its build step), KEYCLOAK_JAVA_HOME (a JDK 21+; found
# in /usr/lib/jvm or on PATH when unset), OTKLIK_CACHE (~/.cache/otklik; the zip and the unpacked
# server live there).
set -euo pipefail

VERSION="${KEYCLOAK_VERSION:-26.4.7}"
PORT="${KEYCLOAK_PORT:-8180}"
READY_TIMEOUT="${KEYCLOAK_READY_TIMEOUT:-600}"
CACHE="${OTKLIK_CACHE:-$HOME/.cache/otklik}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
HOME_KC="$CACHE/keycloak-$VERSION"
PID_FILE="$CACHE/keycloak.pid"
LOG="$CACHE/keycloak.log"
URL="http://localhost:$PORT"

stop_keycloak() {
  if [[ -f "$PID_FILE" ]] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
    local pid; pid="$(cat "$PID_FILE")"
    kill "$pid"
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null
    echo "Keycloak stopped."
  else
    echo "Keycloak is not running."
  fi
  rm -f "$PID_FILE"
}

if [[ "${1:-start}" == "stop" ]]; then
  stop_keycloak
  exit 0
fi

# The feature version of a JDK home ("25" for 25.0.1, "1.8" stays "1"), or nothing if it has no java.
java_version() {
  [[ -x "$1/bin/java" ]] || return 0
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | awk -F' = ' '/java.specification.version/ { split($2, v, "."); print v[1] }'
}

# Keycloak 26 needs Java 21+; the project itself builds on 17. KEYCLOAK_JAVA_HOME wins, then the
# newest JDK 21+ in /usr/lib/jvm, then the java on PATH. Debian 12 packages no JDK 21, so there is
# nothing to install from apt here: say what to do instead.
find_java_home() {
  if [[ -n "${KEYCLOAK_JAVA_HOME:-}" ]]; then
    local v; v="$(java_version "$KEYCLOAK_JAVA_HOME")"
    if [[ -n "$v" && "$v" -ge 21 ]]; then echo "$KEYCLOAK_JAVA_HOME"; return; fi
    echo "KEYCLOAK_JAVA_HOME=$KEYCLOAK_JAVA_HOME is not a JDK 21 or newer (found: ${v:-no java})." >&2
    return 1
  fi
  local best="" best_v=0 home v
  for home in /usr/lib/jvm/*/; do
    home="${home%/}"
    [[ -L "$home" ]] && continue
    v="$(java_version "$home")"
    if [[ -n "$v" && "$v" -ge 21 && "$v" -gt "$best_v" ]]; then best="$home"; best_v="$v"; fi
  done
  if [[ -n "$best" ]]; then echo "$best"; return; fi
  if command -v java > /dev/null; then
    home="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
    v="$(java_version "$home")"
    if [[ -n "$v" && "$v" -ge 21 ]]; then echo "$home"; return; fi
  fi
  cat >&2 <<MSG
Keycloak $VERSION needs a JDK 21 or newer, and none was found (KEYCLOAK_JAVA_HOME unset, none in
/usr/lib/jvm, java on PATH is older). Install one (for example Eclipse Temurin 21 or 25 from
https://adoptium.net, or openjdk-21-jdk-headless on Debian 13 / Ubuntu 24.04) and run again, or set
KEYCLOAK_JAVA_HOME to its home.
MSG
  return 1
}

ready() { curl -fs -o /dev/null "$URL/realms/otklik/.well-known/openid-configuration"; }

if [[ -f "$PID_FILE" ]] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null && ready; then
  echo "Keycloak already running at $URL (pid $(cat "$PID_FILE"))."
  exit 0
fi
# One that runs but does not answer (left over from an interrupted start) would hold the port.
stop_keycloak > /dev/null

JAVA_HOME_KC="$(find_java_home)"
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
# The demo accounts and the test-only client (password grant) are merged into the production realm
# for tests only; see the overlay files.
python3 "$ROOT/.ci/merge-realm.py" "$ROOT/deploy/keycloak/otklik-realm.json" \
  "$ROOT/deploy/keycloak/otklik-realm-demo.json" \
  "$ROOT/backend/src/test/resources/keycloak/otklik-test-realm.json" > "$HOME_KC/data/import/otklik-realm.json"

started=$(date +%s)
echo "Starting Keycloak $VERSION on $URL with $JAVA_HOME_KC (log: $LOG)..."
(
  export JAVA_HOME="$JAVA_HOME_KC"
  # Without this, shutdown throws IllegalAccessError on Java 25.
  export JAVA_OPTS_APPEND="--add-opens java.base/java.lang=ALL-UNNAMED"
  export KC_BOOTSTRAP_ADMIN_USERNAME="${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}"
  export KC_BOOTSTRAP_ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}"
  # The realm file's ${OTKLIK_PWA_URL} placeholders (redirect URIs, web origins), resolved on import.
  export OTKLIK_PWA_URL="${OTKLIK_PWA_URL:-http://localhost:8080}"
  nohup "$HOME_KC/bin/kc.sh" start-dev --http-port="$PORT" --import-realm > "$LOG" 2>&1 &
  echo $! > "$PID_FILE"
)

# Ready means what the tests need: the imported realm answers its discovery document. A first start
# runs Keycloak's build step before it listens, which took 172 s on a loaded 2-core machine.
last_note=$started
while true; do
  elapsed=$(( $(date +%s) - started ))
  if ready; then
    echo "Keycloak ready at $URL after $elapsed s (pid $(cat "$PID_FILE"))."
    echo "Run:  ./mvnw -B -f backend/pom.xml -Pkeycloak test"
    echo "Stop: .ci/keycloak.sh stop   (or kill $(cat "$PID_FILE"))"
    exit 0
  fi
  if ! kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
    echo "Keycloak exited after $elapsed s; last log lines:" >&2; tail -40 "$LOG" >&2
    rm -f "$PID_FILE"
    exit 1
  fi
  if (( elapsed >= READY_TIMEOUT )); then
    echo "Keycloak did not become ready in $READY_TIMEOUT s (KEYCLOAK_READY_TIMEOUT); last log lines:" >&2
    tail -40 "$LOG" >&2
    stop_keycloak >&2
    exit 1
  fi
  if (( $(date +%s) - last_note >= 15 )); then
    last_note=$(date +%s)
    echo "  waiting for Keycloak: $elapsed s of $READY_TIMEOUT s; log: $(tail -1 "$LOG" | cut -c1-120)"
  fi
  sleep 2
done
