// The API's answers to the methods other than GET and HEAD, exported by every API route (Next calls a
// route's handler for a method only when the route exports one): the read-only site's 405 with Allow,
// and OPTIONS 204, with the headers every API answer carries. proxy.ts answers the same for pages;
// /api/ requests do not pass through it (see lib/data/api-response.ts).
import { randomUUID } from "node:crypto";
import { ALLOW_HEADER, requestIdFrom } from "../security/request-guard";
import { apiHeaders, json, toResponse, type ApiRequest } from "./api-response";

/** The answer to a method this site does not serve (also TRACE, which the app server answers itself: a WHATWG Request cannot carry it). */
export function refuse(request: ApiRequest & { method: string }): Response {
  const requestId = requestIdFrom(request.headers.get("x-request-id"), randomUUID);
  const headers = { ...apiHeaders(request, requestId), Allow: ALLOW_HEADER, "Cache-Control": "no-store" };
  if (request.method === "OPTIONS") return new Response(null, { status: 204, headers });
  const body = { error: `method ${request.method.slice(0, 20)} is not allowed: this site is read-only`, allowed: ALLOW_HEADER, requestId };
  return toResponse(json(body, 405, headers));
}

export { refuse as OPTIONS, refuse as POST, refuse as PUT, refuse as PATCH, refuse as DELETE };
