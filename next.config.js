import http from "node:http";
import createNextIntlPlugin from "next-intl/plugin";

// The per-request headers (Content-Security-Policy with a nonce, request id, HSTS over HTTPS) are
// set in proxy.ts; the ones here are for the files it passes on untouched (static files, the icon).
const STATIC_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
];

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
  // Part of the API's ETag (lib/data/api-response.ts): new code with the same dataset is a new answer.
  env: { EVIDENCE_APP_BUILD: process.env.EVIDENCE_APP_BUILD ?? Date.now().toString(36) },
  async headers() {
    return [
      { source: "/_next/static/:path*", headers: STATIC_HEADERS },
      { source: "/icon.svg", headers: STATIC_HEADERS },
      { source: "/favicon.ico", headers: STATIC_HEADERS },
    ];
  },
};

// TRACE never reaches proxy.ts or a route: Next builds a WHATWG Request for both, which refuses
// TRACE ("'TRACE' HTTP method is unsupported"), and the server answers 500. So the HTTP server answers
// it first, 405 like every other method this read-only site does not serve. (TRACK is already a 400
// from Node's parser; CONNECT never becomes a request.) Installed in the server phases only, once.
const METHOD_GUARD = Symbol.for("ras-crlm-evidence.trace-guard");
function answerTraceBeforeNext() {
  const proto = /** @type {any} */ (http.Server.prototype);
  if (proto[METHOD_GUARD]) return;
  const emit = proto.emit;
  proto.emit = function (/** @type {string} */ event, /** @type {any[]} */ ...args) {
    const [request, response] = args;
    if (event === "request" && request.method === "TRACE") {
      response.writeHead(405, { Allow: "GET, HEAD", "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", ...Object.fromEntries(STATIC_HEADERS.map((h) => [h.key, h.value])) });
      response.end(JSON.stringify({ error: "method TRACE is not allowed: this site is read-only", allowed: "GET, HEAD" }));
      return true;
    }
    return emit.call(this, event, ...args);
  };
  proto[METHOD_GUARD] = true;
}

/** @param {string} phase */
export default function config(phase) {
  if (phase === "phase-production-server" || phase === "phase-development-server") answerTraceBeforeNext();
  // next-intl finds the request's messages through i18n/request.ts.
  return createNextIntlPlugin("./i18n/request.ts")(nextConfig);
}
