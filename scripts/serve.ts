// The app server: Next.js's production server behind a small node:http
// front that does four things before Next sees a request:
//   1. TRACE is answered 405 as the API answers every method it does not serve (Next builds a WHATWG
//      Request for every route, which refuses TRACE, and the answer would be a 500);
//   2. a GET or HEAD on an API route (app/api/routes.ts) is answered by calling the route's handler
//      directly: measured at 200,000 records, Next's router cost an /api/effects request about as much
//      as its queries;
//   3. a page is answered from the rendered-page cache when the same request was rendered before for
//      this dataset version and build (lib/server/page-cache.ts), with a fresh nonce; otherwise Next
//      renders it and the answer is kept.
//   4. Next renders a few pages at a time (lib/server/render-queue.ts), the other requests queue.
// Everything else (pages, static files, other methods, the proxy's checks) is Next's, as before.
//   node --import tsx scripts/serve.ts [-p PORT] [-H HOST]    (npm start; `npm run dev` is Next's own dev server)
// Environment: PORT, NEXT_DIST_DIR (the build to serve), EVIDENCE_DB, EVIDENCE_PAGE_CACHE_MB (64; 0 off),
// EVIDENCE_RENDER_CONCURRENCY (2).
import { register } from "node:module";
import { parseArgs } from "node:util";

// lib/data's modules say `import "server-only"` (so that no client bundle takes them); Next resolves
// that to an empty module on the server, and so does this process.
const EMPTY = "data:text/javascript,export%20%7B%7D";
register(`data:text/javascript,${encodeURIComponent(`export async function resolve(s, c, n) { return s === "server-only" ? { url: "${EMPTY}", shortCircuit: true } : n(s, c); }`)}`);

const { values } = parseArgs({ options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } } });
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname ?? "0.0.0.0";
// Next reads NODE_ENV when it loads.
Object.assign(process.env, { NODE_ENV: "production" });

const { start } = await import("./serve/app-server");
await start({ port, hostname });
