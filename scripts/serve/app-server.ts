// The app server's request handling (scripts/serve.ts says what it does and why).
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import path from "node:path";
import next from "next";
import type { Answer } from "../../lib/data/api-response";

type Options = { port: number; hostname: string };


/** A request header as the Fetch standard's Headers.get gives it (repeated values joined), or null. */
function headerValue(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name.toLowerCase()];
  return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
}

/** The request's URL as Next gives it to a route (the Host header's origin, or loopback if it has none or a broken one). */
function requestUrl(req: IncomingMessage, fallbackHost: string): URL {
  const url = req.url ?? "/";
  try {
    return new URL(url, `http://${req.headers.host ?? fallbackHost}`);
  } catch {
    return new URL(url, `http://${fallbackHost}`);
  }
}

export async function start({ port, hostname }: Options): Promise<void> {
  const dir = process.cwd();
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  // The build's id names the code in the page cache's keys and the API's ETag (next.config.js makes
  // Next's build id and the inlined EVIDENCE_APP_BUILD the same value).
  const build = readFileSync(path.join(dir, distDir, "BUILD_ID"), "utf8").trim();
  process.env.EVIDENCE_APP_BUILD = build;

  const app = next({ dev: false, dir, hostname, port });
  const nextHandle = app.getRequestHandler();
  await app.prepare();

  // Imported after the build id is set (lib/data/api-response.ts reads it when loaded) and after Next
  // has set up its server's environment.
  const { apiHandlerFor } = await import("../../app/api/routes");
  const { PageCache, isCacheableRequest, cacheKey, toStoredPage, answerFrom } = await import("../../lib/server/page-cache");
  const { sendWebResponse, sendWhole, holdResponse } = await import("../../lib/server/node-http");
  const { getContext } = await import("../../lib/data/context");
  const { newNonce, requestIdFrom } = await import("../../lib/security/request-guard");
  const { answer: answerWith, isJsonAnswer, jsonError } = await import("../../lib/data/api-response");
  const { RenderQueue } = await import("../../lib/server/render-queue");
  const { refuse } = await import("../../lib/data/api-methods");

  const cache = PageCache.fromEnvironment();
  const renders = RenderQueue.fromEnvironment();
  /** Next answers the request, a few renders at a time; the place is freed when the answer is done (or the client has left). */
  const render = (req: IncomingMessage, res: ServerResponse) =>
    renders.run(
      () =>
        new Promise<void>((resolve, reject) => {
          res.once("close", resolve);
          nextHandle(req, res).catch(reject);
        }),
      () => !req.destroyed && !res.destroyed,
    );
  const fallbackHost = `127.0.0.1:${port}`;

  /** What a route reads of a request, straight from Node's: its address and its headers (no WHATWG Request built). */
  const apiRequest = (req: IncomingMessage) => ({ url: requestUrl(req, fallbackHost).href, headers: { get: (name: string) => headerValue(req, name) } });

  async function answerApi(req: IncomingMessage, res: ServerResponse, handler: NonNullable<ReturnType<typeof apiHandlerFor>>): Promise<void> {
    const request = apiRequest(req);
    let answer: Answer;
    try {
      answer = await handler(request);
    } catch (err) {
      // The handlers catch their own errors (lib/data/api-response.ts); this is for one that escaped.
      answer = await answerWith(request, async () => {
        throw err;
      });
    }
    if (isJsonAnswer(answer)) await sendWhole(req, res, answer.status, answer.headers, answer.json);
    else await sendWebResponse(req, res, answer);
  }

  async function answerPage(req: IncomingMessage, res: ServerResponse, pageCache: InstanceType<typeof PageCache>): Promise<void> {
    // No dataset version (the database missing or unreadable): no cache; the page says what is wrong.
    const version = await getContext().then(
      (c) => c.meta.version,
      () => null,
    );
    if (version === null) return render(req, res);
    const key = cacheKey({ method: req.method!, url: req.url!, headers: req.headers }, version, build);
    const hit = pageCache.get(key);
    if (hit) {
      const { body, policy } = answerFrom(hit, newNonce());
      const requestId = requestIdFrom(typeof req.headers["x-request-id"] === "string" ? req.headers["x-request-id"] : null, randomUUID);
      await sendWhole(req, res, hit.status, { ...hit.headers, "content-security-policy": policy, "x-request-id": requestId, "x-page-cache": "hit" }, body);
      return;
    }
    if (req.method !== "GET") return render(req, res);
    // Next renders it, uncompressed (the page is kept as text); it is sent compressed where accepted.
    const acceptEncoding = req.headers["accept-encoding"];
    delete req.headers["accept-encoding"];
    holdResponse(res, (held) => {
      pageCache.set(key, toStoredPage(held.status, held.headers, held.body));
      if (acceptEncoding !== undefined) req.headers["accept-encoding"] = acceptEncoding;
      void sendWhole(req, res, held.status, { ...held.headers, "x-page-cache": "miss" }, held.body).catch(() => res.destroy());
    });
    await render(req, res);
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method === "TRACE") return sendWebResponse(req, res, refuse({ method: "TRACE", ...apiRequest(req) }));
    const url = req.url ?? "/";
    const q = url.indexOf("?");
    const pathname = q < 0 ? url : url.slice(0, q);
    if ((req.method === "GET" || req.method === "HEAD") && !pathname.includes("%")) {
      const handler = apiHandlerFor(pathname);
      if (handler) return answerApi(req, res, handler);
    }
    if (cache && isCacheableRequest({ method: req.method ?? "", url, headers: req.headers })) return answerPage(req, res, cache);
    // Next's built files are read, not rendered: no queue.
    if (pathname.startsWith("/_next/static/")) return nextHandle(req, res);
    return render(req, res);
  }

  const server = http.createServer((req, res) => {
    route(req, res).catch((err: unknown) => {
      const requestId = randomUUID();
      console.error(`[request ${requestId}] unexpected error in the app server:`, err);
      if (res.headersSent) return void res.destroy();
      const answer = jsonError(500, "unexpected error; the log has the details under this request id", { requestId });
      void sendWhole(req, res, answer.status, answer.headers, answer.json);
    });
  });
  await new Promise<void>((resolve) => server.listen(port, hostname, resolve));
  console.log(`> Ready on http://${hostname}:${port} (build ${build}; page cache ${cache ? "on" : "off"})`);

  const stop = () => {
    server.close(() => process.exit(0));
    // Kept-alive connections would hold the close open: end them.
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
