// First start of an empty volume only (the official image runs /docker-entrypoint-initdb.d/ then):
// the application's own user, allowed to read and write its database and nothing else. readWrite
// includes the changeStream action the live updates need.
const database = process.env.MONGODB_DATABASE || 'otklik'
db.getSiblingDB('admin').createUser({
  user: process.env.MONGO_OTKLIK_USERNAME || 'otklik',
  pwd: process.env.MONGO_OTKLIK_PASSWORD,
  roles: [{ role: 'readWrite', db: database }],
})
