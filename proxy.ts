// Runs before every route (Next 16's proxy, formerly middleware): only GET and HEAD are served,
// malformed percent-encoding is answered before a route can trip on it, every request gets an id,
// and every answer its security headers, pages a Content-Security-Policy with a fresh nonce (Next
// reads the nonce from the request's policy and puts it on its own scripts).
import { NextRequest, NextResponse } from "next/server";
import createIntlMiddleware from "next-intl/middleware";
import { routing } from "./i18n/routing";
import {
  ALLOW_HEADER,
  API_CONTENT_SECURITY_POLICY,
  isAllowedMethod,
  isHttps,
  isMalformedPath,
  MAX_PAGE_ADDRESS,
  malformedQueryParameter,
  newNonce,
  pageContentSecurityPolicy,
  requestIdFrom,
  securityHeaders,
} from "./lib/security/request-guard";

function withHeaders(response: NextResponse, headers: Record<string, string>): NextResponse {
  for (const [k, v] of Object.entries(headers)) response.headers.set(k, v);
  return response;
}

// The interface's language (i18n/routing.ts): /zh/… is Chinese; an unprefixed page path is English,
// or redirects to /zh/… where the browser asks for Chinese; the page is served from app/[locale]/.
const intl = createIntlMiddleware(routing);

const STATIC = /^\/(_next\/static\/|_next\/image|icon\.svg$|favicon\.ico$)/;
/** A path whose last segment has a file extension: no page has one. */
const PUBLIC_FILE = /\/[^/]+\.[A-Za-z0-9]{1,8}$/;

export function proxy(request: NextRequest) {
  const { pathname, search, protocol } = request.nextUrl;
  const api = pathname === "/api" || pathname.startsWith("/api/");
  const https = isHttps(protocol, request.headers.get("x-forwarded-proto"));
  const requestId = requestIdFrom(request.headers.get("x-request-id"), () => crypto.randomUUID());
  const common = { ...securityHeaders({ https }), "X-Request-Id": requestId };

  if (!isAllowedMethod(request.method)) {
    const headers = { ...common, Allow: ALLOW_HEADER, "Cache-Control": "no-store", "Content-Security-Policy": API_CONTENT_SECURITY_POLICY };
    if (request.method === "OPTIONS") return withHeaders(new NextResponse(null, { status: 204 }), headers);
    const body = { error: `method ${request.method.slice(0, 20)} is not allowed: this site is read-only`, allowed: ALLOW_HEADER, requestId };
    return withHeaders(api ? NextResponse.json(body, { status: 405 }) : new NextResponse(`${body.error} (allowed: ${ALLOW_HEADER})\n`, { status: 405, headers: { "Content-Type": "text/plain; charset=utf-8" } }), headers);
  }

  // Static files (hashed, immutable) and the icon need no nonce or request id; next.config.js gives
  // them their headers. They come through here only so that other methods are refused above (Next's
  // static handler answers PUT with a 500).
  if (STATIC.test(pathname)) return NextResponse.next();
  // A file of public/ (robots.txt, the benchmark's static page): served as it is, never taken for a
  // page and rewritten under a language (next-intl would look for /en/robots.txt and answer 404).
  if (PUBLIC_FILE.test(pathname)) return withHeaders(NextResponse.next(), common);

  if (api) {
    const badParameter = isMalformedPath(pathname) ? "path" : malformedQueryParameter(search);
    if (badParameter !== null)
      return withHeaders(
        NextResponse.json(
          { error: `malformed percent-encoding in ${badParameter === "path" ? "the path" : `parameter "${badParameter}"`}`, parameter: badParameter, allowed: "UTF-8 text, percent-encoded as %XX with two hex digits", requestId },
          { status: 400 },
        ),
        { ...common, "Cache-Control": "no-store", "Content-Security-Policy": API_CONTENT_SECURITY_POLICY },
      );
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set("x-request-id", requestId);
    return withHeaders(NextResponse.next({ request: { headers: requestHeaders } }), { ...common, "Content-Security-Policy": API_CONTENT_SECURITY_POLICY });
  }

  if (pathname.length + search.length > MAX_PAGE_ADDRESS) {
    const message = `This address is ${pathname.length + search.length} characters long; pages are served for addresses of at most ${MAX_PAGE_ADDRESS} characters. Remove some filters from the link.\n`;
    return withHeaders(new NextResponse(message, { status: 414, headers: { "Content-Type": "text/plain; charset=utf-8" } }), { ...common, "Cache-Control": "no-store", "Content-Security-Policy": API_CONTENT_SECURITY_POLICY });
  }

  const nonce = newNonce();
  const policy = pageContentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development", https });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-request-id", requestId);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  // A page path that cannot be decoded names no page: the not-found page, 404 (it used to be a 500).
  // Next's own not-found route, which has no param to decode (under [locale], the path's segments
  // would be read as the locale and the catch-all's params, and fail to decode).
  // Any other page goes through next-intl with the headers set above, which it passes on to the page.
  const response = isMalformedPath(pathname)
    ? NextResponse.rewrite(new URL("/_not-found", request.url), { request: { headers: requestHeaders } })
    : intl(new NextRequest(request, { headers: requestHeaders }));
  return withHeaders(response, { ...common, "Content-Security-Policy": policy });
}

// Every path and method comes through (see STATIC for what is passed on untouched) except the API's:
// lib/data/api-response.ts gives its answers the same headers and refuses a malformed query, and
// lib/data/api-methods.ts the other methods (measured at 200,000 records, the proxy cost an API
// request about a fifth of its CPU time). API paths with a percent sign still come here: a malformed
// one must be answered before Next decodes it (it would be a 500).
export const config = { matcher: ["/((?!api/).*)", "/api/(.*%.*)"] };
