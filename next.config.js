import createNextIntlPlugin from "next-intl/plugin";

// The per-request headers (Content-Security-Policy with a nonce, request id, HSTS over HTTPS) are
// set in proxy.ts; the ones here are for the files it passes on untouched (static files, the icon).
const STATIC_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
];

// The app's build: Next's build id (the app server, scripts/serve.ts, reads it from BUILD_ID) and
// inlined for the API's ETag (lib/data/api-response.ts): new code with the same dataset is a new answer.
const APP_BUILD = (process.env.EVIDENCE_APP_BUILD ?? Date.now().toString(36)).replace(/[^A-Za-z0-9._-]/g, "");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // A build of its own where one is asked for (the benchmark builds into .next-bench while another
  // build may be serving from .next).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // better-sqlite3 is a native module: load it from node_modules at run time, never bundle it.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3"],
  poweredByHeader: false,
  // The proxy's URLs as the server sees them. Normalised (the default), a loopback host becomes
  // "localhost", and on a server bound to 127.0.0.1 (next start -H 127.0.0.1, as here and behind
  // nginx) a rewrite to http://localhost:… is taken for another origin and fetched over HTTP, through
  // the proxy again: next-intl's rewrite of /studies to /en/studies came back as a redirect to itself
  // (vercel/next.js#94745).
  skipProxyUrlNormalize: true,
  generateBuildId: async () => APP_BUILD,
  env: { EVIDENCE_APP_BUILD: APP_BUILD },
  async headers() {
    return [
      { source: "/_next/static/:path*", headers: STATIC_HEADERS },
      { source: "/icon.svg", headers: STATIC_HEADERS },
      { source: "/favicon.ico", headers: STATIC_HEADERS },
    ];
  },
};

export default function config() {
  // next-intl finds the request's messages through i18n/request.ts.
  return createNextIntlPlugin("./i18n/request.ts")(nextConfig);
}
