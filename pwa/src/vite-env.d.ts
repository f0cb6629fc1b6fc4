/// <reference types="vite/client" />

/** Build-time feature flags: on when the backend schema declares the fields (scripts/schema-features.mjs). */
declare const __FEATURE_SLA__: boolean
declare const __FEATURE_STATS__: boolean
declare const __FEATURE_QUALITY__: boolean
