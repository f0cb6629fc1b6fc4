/**
 * Screens built against announced-but-unreleased API fields. Each flag is a build-time constant
 * (see scripts/schema-features.mjs): it turns on when the backend schema declares the fields,
 * and nothing behind a false flag is requested. Lazy components test the `__FEATURE_*__` define
 * itself, which the bundler replaces by a literal, so their chunks are left out of the build.
 */
export const features = {
  sla: __FEATURE_SLA__,
  stats: __FEATURE_STATS__,
  quality: __FEATURE_QUALITY__,
} as const
