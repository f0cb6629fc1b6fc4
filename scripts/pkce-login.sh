#!/usr/bin/env bash
# Signs in like the PWA does, with curl and a cookie jar: authorization code flow with PKCE (S256)
# against whichever issuer the backend announces at /auth/config (the embedded provider or Keycloak).
# Prints the access token on stdout and its claims on stderr.
#
#   scripts/pkce-login.sh [BASE_URL] [USERNAME] [PASSWORD]
#   TOKEN=$(scripts/pkce-login.sh http://localhost:8080 exec.health demo)
#   curl -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
#        -d '{"query":"{ me { id name roles } }"}' http://localhost:8080/graphql
#
# Environment: ISSUER (skip /auth/config), CLIENT_ID (otklik-pwa), REDIRECT_URI
# (http://localhost:8080/auth/callback; must be registered for the client). Needs curl, openssl, python3.
set -euo pipefail

BASE="${1:-http://localhost:8080}"
USERNAME="${2:-curator}"
PASSWORD="${3:-demo}"
REDIRECT_URI="${REDIRECT_URI:-http://localhost:8080/auth/callback}"

JAR="$(mktemp)"
trap 'rm -f "$JAR"' EXIT
curl_() { curl -sS --max-time 15 -b "$JAR" -c "$JAR" "$@"; }
json() { python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }
urlsafe() { base64 | tr '+/' '-_' | tr -d '=\n'; }
# Location of a redirect, or nothing; relative locations are resolved against the request URL.
location() { curl_ -o /dev/null -w '%{redirect_url}' "$@"; }

if [[ -z "${ISSUER:-}" ]]; then
  CONFIG="$(curl_ -f "$BASE/auth/config")"
  ISSUER="$(printf '%s' "$CONFIG" | json issuer)"
  CLIENT_ID="${CLIENT_ID:-$(printf '%s' "$CONFIG" | json clientId)}"
fi
CLIENT_ID="${CLIENT_ID:-otklik-pwa}"
DISCOVERY="$(curl_ -f "$ISSUER/.well-known/openid-configuration")"
AUTHORIZE="$(printf '%s' "$DISCOVERY" | json authorization_endpoint)"
TOKEN_ENDPOINT="$(printf '%s' "$DISCOVERY" | json token_endpoint)"

VERIFIER="$(head -c 48 /dev/urandom | urlsafe)"
CHALLENGE="$(printf '%s' "$VERIFIER" | openssl dgst -sha256 -binary | urlsafe)"
STATE="$(head -c 12 /dev/urandom | urlsafe)"
enc() { python3 -c 'import sys,urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"; }

# 1. Authorization request: the provider answers with its login page (directly or after a redirect).
AUTH_URL="$AUTHORIZE?response_type=code&client_id=$(enc "$CLIENT_ID")&scope=$(enc 'openid profile')"
AUTH_URL+="&redirect_uri=$(enc "$REDIRECT_URI")&state=$STATE&code_challenge=$CHALLENGE&code_challenge_method=S256"
PAGE_URL="$(curl_ -L -o /tmp/pkce-login.$$ -w '%{url_effective}' -H 'Accept: text/html' "$AUTH_URL")"
PAGE="$(cat /tmp/pkce-login.$$)"; rm -f /tmp/pkce-login.$$

# 2. Fill in the first form that asks for a password, keeping its hidden fields (CSRF token and the like).
FORM="$(printf '%s' "$PAGE" | python3 -c '
import html.parser, json, sys
class Forms(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(); self.forms = []; self.current = None
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.current = {"action": a.get("action", ""), "hidden": {}, "password": False}
        elif tag == "input" and self.current is not None:
            if a.get("type") == "hidden" and a.get("name") not in ("username", "password"):
                self.current["hidden"][a.get("name")] = a.get("value", "")
            if a.get("name") == "password" and a.get("type") == "password":
                self.current["password"] = True
    def handle_endtag(self, tag):
        if tag == "form" and self.current is not None:
            self.forms.append(self.current); self.current = None
p = Forms(); p.feed(sys.stdin.read())
form = next(f for f in p.forms if f["password"])
print(json.dumps(form))')"
ACTION="$(printf '%s' "$FORM" | python3 -c 'import json,sys,urllib.parse; print(urllib.parse.urljoin(sys.argv[1], json.load(sys.stdin)["action"]))' "$PAGE_URL")"
HIDDEN=()
while IFS= read -r pair; do [[ -n "$pair" ]] && HIDDEN+=(--data-urlencode "$pair"); done < <(
  printf '%s' "$FORM" | python3 -c 'import json,sys; [print(k + "=" + v) for k, v in json.load(sys.stdin)["hidden"].items()]')

NEXT="$(location -X POST --data-urlencode "username=$USERNAME" --data-urlencode "password=$PASSWORD" \
  "${HIDDEN[@]}" "$ACTION")"

# 3. Follow the provider's redirects until it sends the browser back to the PWA with a code.
for _ in 1 2 3 4 5; do
  [[ -z "$NEXT" ]] && { echo "Login failed for $USERNAME (wrong password?)" >&2; exit 1; }
  [[ "$NEXT" == "$REDIRECT_URI"* ]] && break
  if [[ "$NEXT" == *"error"* && "$NEXT" == *"/login"* ]]; then echo "Login failed for $USERNAME" >&2; exit 1; fi
  NEXT="$(location "$NEXT")"
done
[[ "$NEXT" == "$REDIRECT_URI"* ]] || { echo "Never redirected to $REDIRECT_URI (last: $NEXT)" >&2; exit 1; }
query() { python3 -c 'import sys,urllib.parse; q=urllib.parse.parse_qs(urllib.parse.urlparse(sys.argv[1]).query); print(q.get(sys.argv[2], [""])[0])' "$NEXT" "$1"; }
[[ "$(query state)" == "$STATE" ]] || { echo "State mismatch" >&2; exit 1; }
CODE="$(query code)"
[[ -n "$CODE" ]] || { echo "No code: $(query error) $(query error_description)" >&2; exit 1; }

# 4. Exchange the code and the verifier for tokens (a public client: no secret).
TOKENS="$(curl_ -f -X POST "$TOKEN_ENDPOINT" --data-urlencode grant_type=authorization_code \
  --data-urlencode "code=$CODE" --data-urlencode "redirect_uri=$REDIRECT_URI" \
  --data-urlencode "client_id=$CLIENT_ID" --data-urlencode "code_verifier=$VERIFIER")"
ACCESS_TOKEN="$(printf '%s' "$TOKENS" | json access_token)"
printf '%s' "$ACCESS_TOKEN" | python3 -c '
import base64, json, sys
payload = sys.stdin.read().split(".")[1]
claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
keep = {k: claims.get(k) for k in ("iss", "sub", "aud", "azp", "exp", "preferred_username", "name", "agency", "realm_access")}
print(json.dumps(keep, ensure_ascii=False, indent=2), file=sys.stderr)'
printf '%s\n' "$ACCESS_TOKEN"
