// The proxy with next-intl composed in: every page answer keeps the proxy's headers (CSP with a
// nonce, request id), the locale is chosen from the URL, then the cookie, then Accept-Language, and
// /api/* is never localised.
import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { proxy } from "../proxy";
import { MAX_PAGE_ADDRESS } from "../lib/security/request-guard";

const get = (path: string, headers: Record<string, string> = {}) => proxy(new NextRequest(`http://127.0.0.1:3301${path}`, { headers }));

describe("proxy with the interface's language", () => {
  it("serves an unprefixed page in English from app/[locale] (a rewrite to /en), with the page headers", () => {
    const r = get("/studies?x=1");
    expect(r.headers.get("x-middleware-rewrite")).toMatch(/\/en\/studies\?x=1$/);
    expect(r.headers.get("content-security-policy")).toMatch(/'nonce-[^']+'/);
    expect(r.headers.get("x-request-id")).toBeTruthy();
    // The nonce reaches the page through the request headers next-intl passes on.
    expect(r.headers.get("x-middleware-request-x-nonce")).toBeTruthy();
    expect(r.headers.get("x-middleware-request-x-next-intl-locale")).toBe("en");
    expect(r.headers.get("link")).toBeNull();
  });
  it("answers 414 for a page address longer than a 16 kB header limit could carry back, and serves one just under it", () => {
    const long = get(`/studies?q=${"a".repeat(MAX_PAGE_ADDRESS)}`);
    expect(long.status).toBe(414);
    expect(long.headers.get("x-middleware-rewrite")).toBeNull();
    expect(long.headers.get("x-content-type-options")).toBe("nosniff");
    const fits = get(`/studies?q=${"a".repeat(MAX_PAGE_ADDRESS - 20)}`);
    expect(fits.headers.get("x-middleware-rewrite")).toMatch(/\/en\/studies\?q=a+$/);
  });
  it("serves /zh/… in Chinese", () => {
    const r = get("/zh/studies");
    expect(r.status).toBe(200);
    expect(r.headers.get("x-middleware-request-x-next-intl-locale")).toBe("zh");
    expect(r.headers.get("content-security-policy")).toMatch(/'nonce-/);
  });
  it("redirects a browser that asks for Chinese, keeping the path and query, with the security headers", () => {
    const r = get("/?endpoint=OS", { "accept-language": "zh-CN,zh;q=0.9,en;q=0.5" });
    expect(r.status).toBe(307);
    expect(new URL(r.headers.get("location")!).pathname + new URL(r.headers.get("location")!).search).toBe("/zh?endpoint=OS");
    expect(r.headers.get("x-frame-options")).toBe("DENY");
  });
  it("keeps English for a browser that chose it (the cookie) even if it asks for Chinese", () => {
    const r = get("/", { "accept-language": "zh-CN", cookie: "NEXT_LOCALE=en" });
    expect(r.headers.get("location")).toBeNull();
    expect(r.headers.get("x-middleware-request-x-next-intl-locale")).toBe("en");
  });
  it("redirects /en/… to the unprefixed English URL", () => {
    const r = get("/en/compare?studies=become");
    expect(r.status).toBe(307);
    expect(new URL(r.headers.get("location")!).pathname).toBe("/compare");
  });
  it("leaves /api/* alone: no locale, no redirect, even for a Chinese browser", () => {
    const r = get("/api/studies", { "accept-language": "zh-CN" });
    expect(r.headers.get("location")).toBeNull();
    expect(r.headers.get("x-middleware-rewrite")).toBeNull();
    expect(r.headers.get("x-middleware-request-x-next-intl-locale")).toBeNull();
  });
});
