#!/bin/bash
# One consistent backup of the Otklik database into /backup (the ./backups folder of the compose host):
# mongodump with --oplog of the whole replica set member, gzip-compressed into one archive, then
# archives older than BACKUP_KEEP_DAYS (14) are deleted. Run: docker compose run --rm mongo-backup
set -euo pipefail
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
file="/backup/otklik-$stamp.archive.gz"
mongodump --uri="mongodb://$MONGO_INITDB_ROOT_USERNAME:$MONGO_INITDB_ROOT_PASSWORD@mongo:27017/?replicaSet=rs0&authSource=admin" \
  --oplog --gzip --archive="$file.part"
mv "$file.part" "$file"
find /backup -name 'otklik-*.archive.gz' -mtime +"${BACKUP_KEEP_DAYS:-14}" -delete
ls -l "$file"
