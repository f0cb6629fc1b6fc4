#!/bin/bash
# Writes the replica-set key (MONGO_REPLICA_KEY, shared by every member) to a file only mongod may read,
# as --keyFile requires, then hands over to the official image's entrypoint, which creates the root user
# and runs /docker-entrypoint-initdb.d/ on the first start of an empty volume.
set -euo pipefail
: "${MONGO_REPLICA_KEY:?set MONGO_REPLICA_KEY (openssl rand -base64 756 | tr -d '\n')}"
printf '%s' "$MONGO_REPLICA_KEY" > /data/configdb/keyfile
chmod 400 /data/configdb/keyfile
chown mongodb:mongodb /data/configdb/keyfile
exec docker-entrypoint.sh "$@"
