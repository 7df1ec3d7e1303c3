// JSON answers for the API. A 400 names the parameter and what is allowed (FilterError); 503 only
// when the database really cannot be read (missing, unopenable, not a database, no tables); any other
// error is a 500 with a request id that is also in the log. Successful answers are keyed by the
// dataset version: an ETag, and 304 to a matching If-None-Match without doing the work again.
// The API's requests do not pass through proxy.ts (its matcher leaves /api/ out, except paths with a
// percent sign, whose encoding it checks): measured at 200,000 records, running the proxy for an API
// request cost about a fifth of the request's CPU time. So every API answer gets its headers here
// (the security headers, the API's Content-Security-Policy, the request id), and a malformed query is
// refused here where it reaches the route as such (Next normalises a request's URL first: a stray "%"
// arrives as a literal one, which the filter parsers refuse in q and as an unknown code elsewhere);
// lib/data/api-methods.ts answers the methods other than GET and HEAD.
import { randomUUID } from "node:crypto";
import { FilterError } from "./filters";
import { getContext } from "./context";
import { databasePath } from "../db/paths";
import { API_CONTENT_SECURITY_POLICY, isHttps, malformedQueryParameter, requestIdFrom, securityHeaders } from "../security/request-guard";

/**
 * A JSON answer as plain data: status, headers (lower-case names) and the body's text. The routes
 * answer these; Next's routing gets them as a Response (toResponse), and the app server
 * (scripts/serve.ts) writes them to the socket as they are: measured at 200,000 records, making a
 * Response of a page of 50 records, setting its headers and reading its body back cost an
 * /api/effects request about a fifth of its time beyond its queries.
 */
export type JsonAnswer = { status: number; headers: Record<string, string>; json: string };
/** What a route answers: JSON, or a Response (downloads, streamed exports). */
export type Answer = JsonAnswer | Response;

/** A JSON answer (Response.json's body and Content-Type). */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): JsonAnswer {
  const out: Record<string, string> = { "content-type": "application/json" };
  for (const [k, v] of Object.entries(headers)) out[k.toLowerCase()] = v;
  return { status, headers: out, json: JSON.stringify(body) };
}

export function isJsonAnswer(answer: Answer): answer is JsonAnswer {
  return !(answer instanceof Response);
}

export function toResponse(answer: Answer): Response {
  return isJsonAnswer(answer) ? new Response(answer.json, { status: answer.status, headers: answer.headers }) : answer;
}

/** What an error may echo: a short message, a short parameter name (a 10 kB value is never echoed whole). */
const clip = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max)}…`);

export function jsonError(status: number, error: string, extra: Record<string, unknown> = {}): JsonAnswer {
  const body: Record<string, unknown> = { error: clip(error, 300), ...extra };
  // "?=x" has a parameter with no name: named so, a 400 always says which parameter.
  if (typeof body.parameter === "string") body.parameter = body.parameter ? clip(body.parameter, 60) : "(a parameter with no name)";
  return json(body, status, { "Cache-Control": "no-store" });
}

// The database file missing or unreadable (getDb's stat of it), SQLite unable to open it or to read
// it as a database, or a database without the app's tables (built by another version): in each case
// the fix is `npm run db:build`. Anything else (a bug, a query over the parameter limit) is a 500.
const FILE_CODES = new Set(["ENOENT", "EACCES", "EISDIR", "ENOTDIR"]);
const SQLITE_UNAVAILABLE = /^SQLITE_(CANTOPEN|NOTADB|CORRUPT|IOERR|PERM)/;

export function isDatabaseUnavailable(error: unknown): boolean {
  const file = databasePath();
  let e: unknown = error;
  for (let depth = 0; e && typeof e === "object" && depth < 6; depth++) {
    const o = e as { code?: unknown; path?: unknown; meta?: { driverAdapterError?: { cause?: { originalCode?: unknown; kind?: unknown } } }; cause?: unknown };
    if (typeof o.code === "string" && FILE_CODES.has(o.code) && o.path === file) return true;
    if (o.code === "P2021" || o.meta?.driverAdapterError?.cause?.kind === "TableDoesNotExist") return true;
    for (const code of [o.code, o.meta?.driverAdapterError?.cause?.originalCode]) if (typeof code === "string" && SQLITE_UNAVAILABLE.test(code)) return true;
    e = o.cause;
  }
  return false;
}

// The app's build (next.config.js inlines it): a deploy with new code but the same dataset must not
// be answered 304 from the old code's answers.
const BUILD = (process.env.EVIDENCE_APP_BUILD ?? "dev").replace(/[^A-Za-z0-9._-]/g, "");

export function entityTag(version: string): string {
  return `"${version.replace(/[^A-Za-z0-9._-]/g, "")}-${BUILD}"`;
}

/** RFC 9110 weak comparison, as If-None-Match asks: "*" or any listed tag, W/ ignored. */
export function etagMatches(ifNoneMatch: string | null, tag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  const bare = tag.replace(/^W\//, "");
  return ifNoneMatch.split(",").some((t) => t.trim().replace(/^W\//, "") === bare);
}

// Browsers and proxies may keep an answer but must ask again each time; the ask is a cheap 304.
export const API_CACHE_CONTROL = "public, no-cache";

/**
 * The request's address and headers, as a route reads them: a NextRequest under Next's routing, a
 * Request in tests, or the app server's plain view of a Node request (no WHATWG objects built).
 */
export type ApiRequest = { url: string; headers: { get(name: string): string | null } };

/** The headers every API answer carries, whatever its status: what proxy.ts gives the pages' answers, with the API's policy. */
export function apiHeaders(request: ApiRequest, requestId: string): Record<string, string> {
  const https = isHttps(new URL(request.url).protocol, request.headers.get("x-forwarded-proto"));
  return { ...securityHeaders({ https }), "X-Request-Id": requestId, "Content-Security-Policy": API_CONTENT_SECURITY_POLICY };
}

function withHeaders(answer: Answer, headers: Record<string, string>): Answer {
  if (isJsonAnswer(answer)) for (const [k, v] of Object.entries(headers)) answer.headers[k.toLowerCase()] = v;
  else for (const [k, v] of Object.entries(headers)) answer.headers.set(k, v);
  return answer;
}

export type ApiContext = Awaited<ReturnType<typeof getContext>>;

/** A route's answer with the API's headers, its 304, and its errors as JSON (see the top of this file). */
export async function answer(request: ApiRequest, run: (context: ApiContext) => Promise<Answer>): Promise<Answer> {
  const requestId = requestIdFrom(request.headers.get("x-request-id"), randomUUID);
  const headers = apiHeaders(request, requestId);
  const search = request.url.includes("?") ? request.url.slice(request.url.indexOf("?")) : "";
  const malformed = malformedQueryParameter(search.replace(/#.*$/, ""));
  if (malformed !== null)
    return withHeaders(jsonError(400, `malformed percent-encoding in parameter "${malformed}"`, { parameter: malformed, allowed: "UTF-8 text, percent-encoded as %XX with two hex digits", requestId }), headers);
  try {
    const context = await getContext();
    const tag = entityTag(context.meta.version);
    if (etagMatches(request.headers.get("if-none-match"), tag))
      return new Response(null, { status: 304, headers: { ...headers, ETag: tag, "Cache-Control": API_CACHE_CONTROL } });
    const response = await run(context);
    return withHeaders(response, response.status === 200 ? { ...headers, ETag: tag, "Cache-Control": API_CACHE_CONTROL } : headers);
  } catch (err) {
    if (err instanceof FilterError) return withHeaders(jsonError(400, err.message, { parameter: err.parameter, allowed: err.allowed }), headers);
    if (isDatabaseUnavailable(err)) {
      console.error(`[request ${requestId}] evidence database unavailable:`, err);
      return withHeaders(jsonError(503, "the evidence database is not available; run `npm run db:build`", { requestId }), headers);
    }
    console.error(`[request ${requestId}] unexpected error:`, err);
    return withHeaders(jsonError(500, "unexpected error; the log has the details under this request id", { requestId }), headers);
  }
}

/** The same answer as a Response: what a route's GET gives Next. */
export async function handle(request: ApiRequest, run: (context: ApiContext) => Promise<Answer>): Promise<Response> {
  return toResponse(await answer(request, run));
}

/** The query of a request, a fresh copy a route may change. */
export function searchParamsOf(request: ApiRequest): URLSearchParams {
  return new URL(request.url).searchParams;
}

/**
 * An API route: `GET` for Next's routing, and `answer`, the same work as plain data, for the app
 * server's direct path (app/api/routes.ts). `segments`: the dynamic segments of the route's path.
 */
export function apiRoute<Segments extends Record<string, unknown> = Record<string, unknown>>(run: (request: ApiRequest, context: ApiContext, segments: Segments) => Promise<Answer>) {
  const answerFor = (request: ApiRequest, segments = {} as Segments) => answer(request, (context) => run(request, context, segments));
  const GET = async (request: Request, route?: { params: Promise<Segments> }) => {
    const segments = route ? await route.params : ({} as Segments);
    return handle(request, (context) => run(request, context, segments));
  };
  return Object.assign(GET, { answer: answerFor });
}
