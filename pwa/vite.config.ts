/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react'
import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'

const backend = process.env.OTKLIK_BACKEND ?? 'http://localhost:8080'

// Paths the backend answers itself. In dev they are proxied; in the service worker they are never
// answered with the SPA shell (see navigateFallbackAllowlist).
const backendPaths = [
  '/graphql',
  '/graphiql',
  '/auth/config',
  '/idp',
  '/oauth2',
  '/.well-known',
  '/userinfo',
  '/connect',
  '/api',
]

// Packages only GraphiQL's editor uses (the PWA has no code editor).
const graphiqlOnly =
  /node_modules\/(graphiql|@graphiql|codemirror|codemirror-graphql|graphql-language-service|markdown-it|linkify-it|mdurl|uc\.micro|entities|punycode\.js)\//

export default defineConfig({
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    proxy: Object.fromEntries(
      backendPaths.map((path) => [
        path,
        { target: backend, changeOrigin: false, ws: path === '/graphql' },
      ]),
    ),
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    // GraphiQL (served at /graphiql) is a second page of the same build, so it needs no CDN.
    rollupOptions: {
      input: { main: 'index.html', graphiql: 'graphiql.html' },
      output: {
        // GraphiQL's lazily loaded editor chunks are named graphiql-*, so the service worker leaves them
        // out; a chunk with anything else in it (React, graphql) may be shared with the PWA and stays.
        chunkFileNames: (chunk) =>
          chunk.moduleIds.length > 0 && chunk.moduleIds.every((id) => graphiqlOnly.test(id))
            ? 'assets/graphiql-[name]-[hash].js'
            : 'assets/[name]-[hash].js',
      },
    },
  },
  plugins: [
    react(),
    VitePWA({
      // The user decides when to switch to a new version: an executor may be typing an answer.
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg', 'api.html', 'icons/apple-touch-icon.png'],
      manifest: {
        id: '/',
        name: 'Отклик — ответы на обращения граждан',
        short_name: 'Отклик',
        description:
          'Очередь обращений, ответы, проверка и показатели ведомств Магаданской области.',
        lang: 'ru',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        background_color: '#ffffff',
        theme_color: '#0b4f8a',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          {
            src: '/icons/maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      workbox: {
        // App shell: every built asset is precached, so the app opens with no network at all.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        // GraphiQL is for integrators online, not part of the offline app: its page and chunks stay out.
        globIgnores: ['graphiql.html', 'assets/graphiql-*'],
        navigateFallback: '/index.html',
        // Web push (push and notificationclick), kept in public/push-sw.js so Workbox still generates the rest.
        importScripts: ['/push-sw.js'],
        // Only the PWA's own routes get the shell; the identity provider's pages, GraphiQL and
        // /api.html must reach the server (or their own precache entry).
        navigateFallbackAllowlist: [
          /^\/$/,
          /^\/(queue|appeals|moderation|review|dashboard|channels|profile|sign-in)(\/|$)/,
          /^\/auth\/callback/,
        ],
        cleanupOutdatedCaches: true,
        runtimeCaching: [
          {
            // Which identity provider to use. Network first so a changed issuer is picked up at once,
            // cached so the app can still start (and show the cached queue) when offline.
            urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname === '/auth/config',
            handler: 'NetworkFirst',
            options: {
              cacheName: 'otklik-auth-config',
              networkTimeoutSeconds: 4,
              expiration: { maxEntries: 1 },
            },
          },
          {
            // OIDC discovery document and signing keys (same or another origin, e.g. Keycloak): stable
            // for days, needed by oidc-client-ts before any token renewal, so serve the cached copy
            // at once and refresh it in the background.
            urlPattern: ({ url }) =>
              url.pathname.endsWith('/.well-known/openid-configuration') ||
              url.pathname.endsWith('/oauth2/jwks') ||
              url.pathname.endsWith('/protocol/openid-connect/certs'),
            handler: 'StaleWhileRevalidate',
            options: { cacheName: 'otklik-oidc-metadata', expiration: { maxEntries: 6 } },
          },
          // Deliberately absent: /graphql and /api/reports. Responses are per user and per token; the GraphQL cache
          // (graphcache + IndexedDB) is what keeps the queue and cards readable offline, and
          // mutations go through the app's own outbox. Tokens and /oauth2/token are never cached.
        ],
      },
      devOptions: { enabled: false },
    }),
  ],
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
  },
})
