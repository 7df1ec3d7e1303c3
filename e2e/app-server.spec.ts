// The app server (scripts/serve.ts) as a reader meets it: a page asked for again comes from the page
// cache, identical except for its nonce (fresh in the policy and on every script), never across
// languages; the API is answered by its handlers directly, with the same headers and ETag as before.
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";

// The first answer to a browser without the language cookie sets it (next-intl), and the cookie is
// part of the cache's key: a request context with the cookie is what a returning reader sends.
async function withLanguageCookie(request: APIRequestContext): Promise<void> {
  const res = await request.get(`/?cookie=${Date.now()}`);
  expect(res.headers()["set-cookie"]).toContain("NEXT_LOCALE=en");
}

const nonceOf = (res: APIResponse) => /'nonce-([^']+)'/.exec(res.headers()["content-security-policy"] ?? "")?.[1] ?? "";

test("a page asked for twice: rendered, then from the cache with a fresh nonce, the same page otherwise", async ({ request }) => {
  await withLanguageCookie(request);
  // An address no earlier test (or a retry) has asked for.
  const path = `/?endpoint=OS&group=RAS&seen=${Date.now()}`;
  const first = await request.get(path);
  const second = await request.get(path);
  expect(first.status()).toBe(200);
  expect(second.status()).toBe(200);
  expect(first.headers()["x-page-cache"]).toBe("miss");
  expect(second.headers()["x-page-cache"]).toBe("hit");
  const [a, b] = [nonceOf(first), nonceOf(second)];
  expect(a).toMatch(/^[A-Za-z0-9+/=]{16,}$/);
  expect(b).toMatch(/^[A-Za-z0-9+/=]{16,}$/);
  expect(b).not.toBe(a);
  const [bodyA, bodyB] = [await first.text(), await second.text()];
  expect(bodyB).not.toContain(a);
  // Every script carries its answer's nonce.
  const scripts = bodyB.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(3);
  for (const tag of scripts) expect(tag).toContain(`nonce="${b}"`);
  expect(bodyB.replaceAll(b, a)).toBe(bodyA);
  expect(bodyB).toContain("ignored");
  // Each answer its own request id; the security headers as on a rendered page.
  expect(second.headers()["x-request-id"]).not.toBe(first.headers()["x-request-id"]);
  for (const h of ["x-content-type-options", "referrer-policy", "x-frame-options", "cache-control"]) expect(second.headers()[h], h).toBe(first.headers()[h]);
  // HEAD from the cache too: the headers, no body.
  const head = await request.head(path);
  expect(head.status()).toBe(200);
  expect(head.headers()["x-page-cache"]).toBe("hit");
  expect(await head.body()).toHaveLength(0);
});

test("the cache never answers one language with another: Chinese asked for by header or cookie still redirects", async ({ playwright, baseURL }) => {
  // Each request from a new context: no cookie kept from an earlier answer.
  const once = async (path: string, headers: Record<string, string> = {}) => {
    const context = await playwright.request.newContext({ baseURL });
    const res = await context.get(path, { headers, maxRedirects: 0 });
    const out = { status: res.status(), headers: res.headers(), text: await res.text() };
    await context.dispose();
    return out;
  };
  const path = `/studies?seen=${Date.now()}`;
  expect((await once(path)).headers["x-page-cache"]).toBe("miss");
  const english = await once(path);
  expect(english.headers["x-page-cache"]).toBe("hit");
  expect(english.text).toContain('lang="en"');
  const byHeader = await once(path, { "Accept-Language": "zh-CN,zh;q=0.9" });
  expect(byHeader.status).toBe(307);
  expect(byHeader.headers["location"]).toMatch(/^\/zh\/studies\?seen=/);
  const byCookie = await once(path, { Cookie: "NEXT_LOCALE=zh" });
  expect(byCookie.status).toBe(307);
  const zh = await once(`/zh${path}`);
  expect(zh.status).toBe(200);
  expect(zh.text).toContain('lang="zh-Hans"');
});

test("pages are sent gzip-compressed where the browser accepts it, from the cache and rendered", async ({ request }) => {
  await withLanguageCookie(request);
  const path = `/?endpoint=PFS&seen=${Date.now()}`;
  for (const expected of ["miss", "hit"]) {
    const res = await request.get(path, { headers: { "Accept-Encoding": "gzip" } });
    expect(res.headers()["x-page-cache"]).toBe(expected);
    expect(res.headers()["content-encoding"]).toBe("gzip");
    expect(res.headers()["vary"]).toContain("Accept-Encoding");
    expect(await res.text()).toContain("</html>");
  }
});

test("the API, answered by its handlers directly: headers, ETag and 304, errors as JSON, HEAD", async ({ request }) => {
  const res = await request.get("/api/effects?endpoint=OS&limit=2");
  expect(res.status()).toBe(200);
  const h = res.headers();
  expect(h["content-type"]).toContain("application/json");
  expect(h["content-security-policy"]).toContain("default-src 'none'");
  expect(h["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  expect(h["etag"]).toMatch(/^"[A-Za-z0-9._-]+-[A-Za-z0-9._-]+"$/);
  expect(h["x-page-cache"]).toBeUndefined();
  const body = await res.json();
  expect(body.data).toHaveLength(2);
  expect(body.data[0].endpoint).toBe("OS");
  const again = await request.get("/api/effects?endpoint=OS&limit=2", { headers: { "If-None-Match": h["etag"]! } });
  expect(again.status()).toBe(304);
  const bad = await request.get("/api/effects?endpoint=NOPE");
  expect(bad.status()).toBe(400);
  expect((await bad.json()).parameter).toBe("endpoint");
  const study = await request.get("/api/studies/ncch-scp-2024");
  expect((await study.json()).data.shortName).toBe("NCCH 2024");
  const head = await request.head("/api/studies?limit=1");
  expect(head.status()).toBe(200);
  expect(await head.body()).toHaveLength(0);
  // Left to Next's router as before: an unknown path (JSON 404), a trailing slash (308).
  expect((await request.get("/api/nothing")).status()).toBe(404);
  expect((await request.get("/api/effects/", { maxRedirects: 0 })).status()).toBe(308);
});
