#!/bin/bash
# Tests a backup without touching the live data: restores ARCHIVE (default: the newest in /backup)
# into the scratch database otklik_restore_check, compares document counts per collection with the
# live database, prints them and drops the scratch database. Exit status 1 if a collection is missing
# or empty in the copy while the live one is not. Run: docker compose run --rm mongo-backup /otklik/restore-check.sh [ARCHIVE]
set -euo pipefail
db="${MONGODB_DATABASE:-otklik}"
archive="${1:-$(ls -1t /backup/otklik-*.archive.gz | head -1)}"
uri="mongodb://$MONGO_INITDB_ROOT_USERNAME:$MONGO_INITDB_ROOT_PASSWORD@mongo:27017/?replicaSet=rs0&authSource=admin"
echo "Restoring $archive into ${db}_restore_check..."
mongorestore --uri="$uri" --gzip --archive="$archive" --nsInclude="$db.*" \
  --nsFrom="$db.*" --nsTo="${db}_restore_check.*" --drop --quiet
mongosh "$uri" --quiet --eval "
const live = db.getSiblingDB('$db'), copy = db.getSiblingDB('${db}_restore_check')
let bad = 0
for (const name of live.getCollectionNames().sort()) {
  const a = live.getCollection(name).estimatedDocumentCount(), b = copy.getCollection(name).estimatedDocumentCount()
  print(name.padEnd(32) + ' live ' + a + '  backup ' + b)
  if (a > 0 && b === 0) bad++
}
copy.dropDatabase()
quit(bad ? 1 : 0)"
