import { describe, expect, it } from "vitest";
import { answerFrom, cacheKey, isCacheableRequest, localeCookie, MAX_ENTRY_BYTES, PageCache, toStoredPage } from "./page-cache";

const NONCE = "ZI1dsOxn2virU+jDOpCMYQ==";
const POLICY = `default-src 'self'; script-src 'self' 'nonce-${NONCE}' 'strict-dynamic'; frame-ancestors 'none'`;
const HTML = `<!DOCTYPE html><html><head><script nonce="${NONCE}" src="/_next/a.js"></script></head><body><p>HR 3.37</p><script nonce="${NONCE}">self.__next_f.push([1,"x"])</script></body></html>`;
const HEADERS = { "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": POLICY, "X-Request-Id": "r-1", "Content-Length": HTML.length, Vary: "rsc, Accept-Encoding", "Set-Cookie": "NEXT_LOCALE=en; Path=/; SameSite=lax", "Cache-Control": "private, no-cache, no-store, max-age=0, must-revalidate" };
const get = (url: string, headers: Record<string, string> = {}) => ({ method: "GET", url, headers: { host: "127.0.0.1:3000", ...headers } });

describe("which requests the page cache answers", () => {
  it("answers a page's document, GET or HEAD", () => {
    expect(isCacheableRequest(get("/"))).toBe(true);
    expect(isCacheableRequest(get("/zh/studies?x=1"))).toBe(true);
    expect(isCacheableRequest({ ...get("/"), method: "HEAD" })).toBe(true);
  });
  it("leaves the API, Next's files, client navigations and other methods to the server", () => {
    expect(isCacheableRequest(get("/api/effects"))).toBe(false);
    expect(isCacheableRequest(get("/api?x"))).toBe(false);
    expect(isCacheableRequest(get("/_next/static/chunks/a.js"))).toBe(false);
    expect(isCacheableRequest(get("/?endpoint=OS&_rsc=abc"))).toBe(false);
    expect(isCacheableRequest(get("/", { rsc: "1" }))).toBe(false);
    expect(isCacheableRequest(get("/", { "next-router-prefetch": "1" }))).toBe(false);
    expect(isCacheableRequest({ ...get("/"), method: "POST" })).toBe(false);
    expect(isCacheableRequest(get(`/?q=${"x".repeat(5000)}`))).toBe(false);
    expect(isCacheableRequest(get("//evil.example/"))).toBe(false);
  });
});

describe("the key: everything a page reads from the request", () => {
  const base = cacheKey(get("/?endpoint=OS"), "v1", "b1");
  it("is the same for the same request", () => expect(cacheKey(get("/?endpoint=OS", { "user-agent": "another" }), "v1", "b1")).toBe(base));
  it("changes with the dataset version, the build and the address", () => {
    expect(cacheKey(get("/?endpoint=OS"), "v2", "b1")).not.toBe(base);
    expect(cacheKey(get("/?endpoint=OS"), "v1", "b2")).not.toBe(base);
    expect(cacheKey(get("/?endpoint=PFS"), "v1", "b1")).not.toBe(base);
  });
  it("changes with the host and protocol (permalinks), the language asked for and the language cookie", () => {
    expect(cacheKey(get("/?endpoint=OS", { host: "evidence.example" }), "v1", "b1")).not.toBe(base);
    expect(cacheKey(get("/?endpoint=OS", { "x-forwarded-proto": "https" }), "v1", "b1")).not.toBe(base);
    expect(cacheKey(get("/?endpoint=OS", { "accept-language": "zh-CN,zh;q=0.9" }), "v1", "b1")).not.toBe(base);
    expect(cacheKey(get("/?endpoint=OS", { cookie: "a=1; NEXT_LOCALE=zh" }), "v1", "b1")).not.toBe(base);
    expect(cacheKey(get("/?endpoint=OS", { cookie: "other=1" }), "v1", "b1")).toBe(base);
  });
  it("reads the language cookie among others", () => {
    expect(localeCookie("a=1; NEXT_LOCALE=zh; b=2")).toBe("zh");
    expect(localeCookie("XNEXT_LOCALE=zh")).toBe("");
  });
});

describe("what is stored, and each answer's nonce", () => {
  const page = toStoredPage(200, HEADERS, Buffer.from(HTML))!;
  it("keeps a 200 HTML page split at its nonce, without the headers that belong to one answer", () => {
    expect(page.parts).toHaveLength(3);
    expect(page.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(page.headers["set-cookie"]).toBe("NEXT_LOCALE=en; Path=/; SameSite=lax");
    expect(page.headers.vary).toBe("rsc, Accept-Encoding");
    for (const h of ["x-request-id", "content-length", "content-security-policy"]) expect(page.headers[h]).toBeUndefined();
  });
  it("answers with the new nonce everywhere the old one was, and nowhere the old one", () => {
    const { body, policy } = answerFrom(page, "NEWNONCE0123456789ab==");
    expect(body.split("NEWNONCE0123456789ab==")).toHaveLength(3);
    expect(body).not.toContain(NONCE);
    expect(policy).toBe(POLICY.replace(NONCE, "NEWNONCE0123456789ab=="));
    expect(body.replaceAll("NEWNONCE0123456789ab==", NONCE)).toBe(HTML);
  });
  it("refuses what must not be kept", () => {
    expect(toStoredPage(404, HEADERS, Buffer.from(HTML))).toBeNull();
    expect(toStoredPage(307, HEADERS, Buffer.from(""))).toBeNull();
    expect(toStoredPage(200, { ...HEADERS, "Content-Type": "application/json" }, Buffer.from(HTML))).toBeNull();
    expect(toStoredPage(200, { ...HEADERS, "Set-Cookie": ["NEXT_LOCALE=en; Path=/", "session=abc; Path=/"] }, Buffer.from(HTML))).toBeNull();
    expect(toStoredPage(200, { ...HEADERS, "Content-Encoding": "gzip" }, Buffer.from(HTML))).toBeNull();
    expect(toStoredPage(200, { ...HEADERS, "Content-Security-Policy": "default-src 'self'" }, Buffer.from(HTML))).toBeNull();
    expect(toStoredPage(200, HEADERS, Buffer.from(HTML.replaceAll(NONCE, "other")))).toBeNull();
    expect(toStoredPage(200, HEADERS, Buffer.alloc(MAX_ENTRY_BYTES + 1, "a"))).toBeNull();
  });
});

describe("the cache", () => {
  const page = (bytes: number) => ({ ...toStoredPage(200, HEADERS, Buffer.from(HTML))!, bytes });
  it("counts hits, misses and refusals, and keeps to its budget (least recently used out first)", () => {
    const cache = new PageCache(1000);
    cache.set("a", page(400));
    cache.set("b", page(400));
    expect(cache.get("a")).toBeDefined();
    cache.set("c", page(400));
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBeDefined();
    cache.set("d", null);
    expect(cache.stats()).toMatchObject({ hits: 2, misses: 1, stored: 3, refused: 1, entries: 2, bytes: 800 });
  });
  it("takes its budget from EVIDENCE_PAGE_CACHE_MB: 64 MB by default, 0 off, nonsense refused", () => {
    expect(PageCache.fromEnvironment(undefined)).toBeInstanceOf(PageCache);
    expect(PageCache.fromEnvironment("0")).toBeNull();
    expect(() => PageCache.fromEnvironment("lots")).toThrow(/EVIDENCE_PAGE_CACHE_MB/);
  });
});
