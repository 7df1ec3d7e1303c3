import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  isAllowedMethod,
  isHttps,
  isMalformedPath,
  malformedQueryParameter,
  newNonce,
  pageContentSecurityPolicy,
  requestIdFrom,
  securityHeaders,
} from "./request-guard";

describe("methods", () => {
  it("serves GET and HEAD only", () => {
    expect(["GET", "HEAD", "get"].every(isAllowedMethod)).toBe(true);
    expect(["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT", "PROPFIND"].some(isAllowedMethod)).toBe(false);
  });
});

describe("percent-encoding", () => {
  it.each(["/studies/%zz", "/studies/%", "/studies/%e", "/studies/%ff", "/studies/%c3%28", "/api/studies/%ED%A0%80"])("%s is malformed", (p) => expect(isMalformedPath(p)).toBe(true));
  it.each(["/", "/studies/become", "/studies/%20x", "/studies/%C3%A9", "/studies/%25"])("%s is well formed", (p) => expect(isMalformedPath(p)).toBe(false));
  it("names the first malformed query parameter", () => {
    expect(malformedQueryParameter("?endpoint=OS&q=%zz")).toBe("q");
    expect(malformedQueryParameter("?a%zz=1")).toBe("a%zz");
    expect(malformedQueryParameter("?q=%ff")).toBe("q");
    expect(malformedQueryParameter("?q=50%25+done&x")).toBeNull();
    expect(malformedQueryParameter("")).toBeNull();
  });
  it("agrees with decodeURIComponent on any input (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."%0aFfzZ9/&=+é".split("")), maxLength: 16 }), (s) => {
        let ok = true;
        try {
          s.split("/").forEach((p) => decodeURIComponent(p));
        } catch {
          ok = false;
        }
        expect(isMalformedPath(s)).toBe(!ok);
      }),
    );
  });
});

describe("request ids", () => {
  it("keeps a plausible upstream id and replaces anything else", () => {
    const fresh = () => "fresh";
    expect(requestIdFrom("abc-123-def-456", fresh)).toBe("abc-123-def-456");
    expect(requestIdFrom("x\r\nSet-Cookie: a=b", fresh)).toBe("fresh");
    expect(requestIdFrom("short", fresh)).toBe("fresh");
    expect(requestIdFrom("a".repeat(200), fresh)).toBe("fresh");
    expect(requestIdFrom(null, fresh)).toBe("fresh");
  });
});

describe("headers", () => {
  it("a page policy with a nonce, no unsafe-inline for scripts, no framing, no plugins", () => {
    const nonce = newNonce();
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(newNonce()).not.toBe(nonce);
    const csp = pageContentSecurityPolicy(nonce, { dev: false, https: false });
    const directives = Object.fromEntries(csp.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1).join(" ")]));
    expect(directives["script-src"]).toBe(`'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(directives["script-src"]).not.toMatch(/unsafe/);
    expect(directives["object-src"]).toBe("'none'");
    expect(directives["base-uri"]).toBe("'self'");
    expect(directives["frame-ancestors"]).toBe("'none'");
    expect(csp).not.toMatch(/upgrade-insecure-requests/);
    expect(pageContentSecurityPolicy(nonce, { dev: false, https: true })).toMatch(/upgrade-insecure-requests/);
    expect(pageContentSecurityPolicy(nonce, { dev: true, https: false })).toMatch(/script-src [^;]*'unsafe-eval'/);
  });
  it("HSTS only over HTTPS", () => {
    expect(securityHeaders({ https: false })).not.toHaveProperty("Strict-Transport-Security");
    expect(securityHeaders({ https: true })["Strict-Transport-Security"]).toMatch(/max-age=\d+/);
    expect(isHttps("http:", "https")).toBe(true);
    expect(isHttps("http:", "https, http")).toBe(true);
    expect(isHttps("http:", "http")).toBe(false);
    expect(isHttps("https:", null)).toBe(true);
    expect(securityHeaders({ https: false })).toMatchObject({ "X-Content-Type-Options": "nosniff", "Referrer-Policy": "strict-origin-when-cross-origin" });
  });
});
