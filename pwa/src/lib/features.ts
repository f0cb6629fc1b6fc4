/**
 * Screens built against announced-but-unreleased API fields. Each flag is a build-time constant
 * (see scripts/schema-features.mjs): it turns on when the backend schema declares the fields,
 * and the code behind a false flag is left out of the bundle.
 */
export const features = {
  sla: __FEATURE_SLA__,
  stats: __FEATURE_STATS__,
  quality: __FEATURE_QUALITY__,
} as const
