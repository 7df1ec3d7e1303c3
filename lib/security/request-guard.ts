// What the proxy decides before a route runs, as pure functions (tested without a server): which
// methods are served, whether a URL's percent-encoding is well formed, the request id, and the
// response headers (Content-Security-Policy with a per-request nonce, and the rest).

/** Read-only site: GET and HEAD only; everything else is 405 (OPTIONS: 204 with the same Allow). */
export const ALLOWED_METHODS = ["GET", "HEAD"] as const;
export const ALLOW_HEADER = ALLOWED_METHODS.join(", ");

/**
 * The longest page address (path and query) served, in characters. A page's address comes back in
 * a response header (next-intl's rewrite to the locale's route, x-middleware-rewrite), and a client
 * that reads at most 16 kB of headers (Node's default, Playwright's request API) cannot read an
 * answer whose address is near that: longer addresses are answered 414. A 10 kB value, percent-
 * encoded, still fits (13.8 k characters); no link the site builds comes near it.
 */
export const MAX_PAGE_ADDRESS = 14_000;

export function isAllowedMethod(method: string): boolean {
  return (ALLOWED_METHODS as readonly string[]).includes(method.toUpperCase());
}

function decodes(part: string): boolean {
  try {
    decodeURIComponent(part);
    return true;
  } catch {
    return false;
  }
}

/** True when a path segment has a % not followed by two hex digits, or bytes that are not UTF-8. */
export function isMalformedPath(pathname: string): boolean {
  return !pathname.split("/").every(decodes);
}

/**
 * The first query parameter whose name or value is not well-formed percent-encoded UTF-8 ("%zz",
 * "%ff"), as its raw name (cut short), or null when all decode. `search` is the URL's "?…" part.
 */
export function malformedQueryParameter(search: string): string | null {
  for (const pair of search.replace(/^\?/, "").split("&")) {
    if (!pair) continue;
    const eq = pair.indexOf("=");
    const name = (eq === -1 ? pair : pair.slice(0, eq)).replace(/\+/g, " ");
    const value = eq === -1 ? "" : pair.slice(eq + 1).replace(/\+/g, " ");
    if (!decodes(name)) return name.slice(0, 60);
    if (!decodes(value)) return decodeURIComponent(name).slice(0, 60);
  }
  return null;
}

/** An upstream request id is kept only when it looks like one (no header or log injection). */
export function requestIdFrom(incoming: string | null, fresh: () => string): string {
  return incoming && /^[A-Za-z0-9._:-]{8,128}$/.test(incoming) ? incoming : fresh();
}

/** A nonce: 16 random bytes, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The pages' policy. Scripts only with this request's nonce ('strict-dynamic' lets Next's own
 * loader add its chunks); no 'unsafe-inline' for scripts. Styles allow 'unsafe-inline' because
 * recharts draws with style attributes, which a nonce cannot cover (and a nonce in style-src would
 * switch 'unsafe-inline' off). 'unsafe-eval' only for `next dev` (React's dev tooling needs it).
 */
export function pageContentSecurityPolicy(nonce: string, options: { dev: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** JSON, CSV, RIS and the like: nothing in them may run, load or be framed. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'; sandbox";

/** Headers every answer carries (set by the proxy; next.config.js sets the static ones for static files). */
export function securityHeaders(options: { https: boolean }): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    // HSTS only over HTTPS (as the client or the TLS proxy in front says): over plain HTTP a
    // browser ignores it, and on a loopback test server it would be wrong.
    ...(options.https ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

/** Whether the request reached us over HTTPS: directly, or through a TLS-terminating proxy. */
export function isHttps(protocol: string, forwardedProto: string | null): boolean {
  return protocol === "https:" || (forwardedProto ?? "").split(",")[0]!.trim().toLowerCase() === "https";
}
