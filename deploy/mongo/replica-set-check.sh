#!/bin/bash
# The container's health check: initiates the one-member replica set on the first start, then reports
# healthy once this member is the writable primary. Runs as root against localhost.
exec mongosh --quiet -u "$MONGO_INITDB_ROOT_USERNAME" -p "$MONGO_INITDB_ROOT_PASSWORD" \
  --authenticationDatabase admin --eval "
try { rs.status() } catch (e) {
  if (e.codeName === 'NotYetInitialized') rs.initiate({ _id: 'rs0', members: [{ _id: 0, host: 'mongo:27017' }] })
  else throw e
}
quit(db.hello().isWritablePrimary ? 0 : 1)"
