// The built app under hostile requests, read over HTTP from the production server that
// playwright.config.ts starts on loopback: its headers, the methods it serves, malformed URLs, and a
// property-based run (fast-check) of thousands of random and hostile requests across every route.
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import fc from "fast-check";
import { watchConsole } from "./helpers";
import { recordHardening } from "../lib/testing/hardening-report";

const PAGES = ["/", "/studies", "/studies/become", "/compare?studies=become&studies=cairo5", "/map", "/integrity", "/pool", "/questions"];
const API = ["/api/effects", "/api/studies", "/api/studies/become", "/api/export", "/api/pool", "/api/sof"];

function headersOf(res: APIResponse): Record<string, string> {
  return res.headers();
}

function directives(csp: string): Record<string, string> {
  return Object.fromEntries(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values.join(" ")]));
}

/** What the header tests checked, for bench/hardening.json (written when all of them passed). */
const headerFigures: Partial<Record<"pages" | "https" | "api" | "static", { paths?: number; checked: string[] }>> = {};

test.describe("headers, as the built app sends them", () => {
  test("pages: a nonce-based CSP, no inline scripts allowed, no framing, nosniff, referrer policy, no HSTS over HTTP", async ({ request }) => {
    const seen: Record<string, string> = {};
    for (const path of PAGES) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(200);
      const h = headersOf(res);
      const csp = directives(h["content-security-policy"] ?? "");
      const nonce = /'nonce-([^']+)'/.exec(csp["script-src"] ?? "")?.[1];
      expect(nonce, path).toBeTruthy();
      expect(csp["script-src"]).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(csp["object-src"]).toBe("'none'");
      expect(csp["base-uri"]).toBe("'self'");
      expect(csp["frame-ancestors"]).toBe("'none'");
      expect(h["x-content-type-options"]).toBe("nosniff");
      expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      expect(h["strict-transport-security"]).toBeUndefined();
      expect(h["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
      // Every script the page carries has this request's nonce: Next put it there from the policy.
      const html = await res.text();
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(0);
      for (const s of scripts) expect(s, path).toContain(`nonce="${nonce}"`);
      Object.assign(seen, h);
    }
    const second = headersOf(await request.get("/"));
    expect(second["content-security-policy"]).not.toBe(seen["content-security-policy"]); // a fresh nonce per request
    headerFigures.pages = { paths: PAGES.length, checked: ["content-security-policy (script-src nonce, no unsafe-inline/eval; object-src 'none'; base-uri 'self'; frame-ancestors 'none')", "x-content-type-options: nosniff", "referrer-policy: strict-origin-when-cross-origin", "x-request-id", "no strict-transport-security over HTTP", "a fresh nonce per request, on every script tag"] };
    test.info().annotations.push({ type: "page headers", description: JSON.stringify(Object.fromEntries(Object.entries(seen).filter(([k]) => !["date", "connection", "keep-alive", "transfer-encoding", "link", "vary"].includes(k)))) });
  });

  test("HSTS only when the request came over HTTPS (x-forwarded-proto)", async ({ request }) => {
    const h = headersOf(await request.get("/", { headers: { "x-forwarded-proto": "https" } }));
    expect(h["strict-transport-security"]).toMatch(/max-age=\d{7,}/);
    expect(h["content-security-policy"]).toContain("upgrade-insecure-requests");
    expect(headersOf(await request.get("/api/studies", { headers: { "x-forwarded-proto": "https" } }))["strict-transport-security"]).toMatch(/max-age/);
    headerFigures.https = { checked: ["strict-transport-security max-age ≥ 1,000,000 s (pages and API)", "upgrade-insecure-requests"] };
  });

  test("read-only API answers: ETag and Cache-Control keyed by the dataset version, 304 to If-None-Match", async ({ request }) => {
    const version = ((await (await request.get("/api/studies")).json()) as { version: string }).version;
    for (const path of ["/api/effects?endpoint=OS", "/api/studies", "/api/studies/become", "/api/export?format=csv&study=become", "/api/pool?endpoint=OS", "/api/sof"]) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(200);
      const h = headersOf(res);
      expect(h.etag, path).toMatch(new RegExp(`^"${version}-[A-Za-z0-9._-]+"$`));
      expect(h["cache-control"]).toBe("public, no-cache");
      expect(h["x-content-type-options"]).toBe("nosniff");
      expect(h["content-security-policy"]).toMatch(/default-src 'none'/);
      const again = await request.get(path, { headers: { "if-none-match": h.etag! } });
      expect(again.status(), path).toBe(304);
      expect((await again.body()).length).toBe(0);
      expect((await request.get(path, { headers: { "if-none-match": '"other"' } })).status()).toBe(200);
    }
    const bad = headersOf(await request.get("/api/effects?limit=0"));
    expect(bad.etag).toBeUndefined();
    expect(bad["cache-control"]).toBe("no-store");
    test.info().annotations.push({ type: "api headers", description: JSON.stringify(headersOf(await request.get("/api/effects?limit=1"))) });
    headerFigures.api = { paths: 6, checked: ["etag keyed by the dataset version", "cache-control: public, no-cache", "x-content-type-options: nosniff", "content-security-policy default-src 'none'", "304 to If-None-Match", "no-store and no etag on a 400"] };
  });

  test("static files: nosniff and referrer policy", async ({ request }) => {
    const html = await (await request.get("/")).text();
    const asset = /\/_next\/static\/[^"']+\.js/.exec(html)?.[0];
    expect(asset).toBeTruthy();
    const h = headersOf(await request.get(asset!));
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    headerFigures.static = { paths: 1, checked: ["x-content-type-options: nosniff", "referrer-policy"] };
    if (headerFigures.pages && headerFigures.https && headerFigures.api)
      recordHardening("headers", {
        test: "e2e/hardening.spec.ts › headers, as the built app sends them",
        ...headerFigures,
        summary: `all asserted headers present on ${headerFigures.pages.paths} pages, ${headerFigures.api.paths} API answers and a static file; HSTS only over HTTPS`,
      });
  });

  test("charts and pages run under the policy: no CSP violation, the charts drawn", async ({ page }) => {
    const errors = watchConsole(page);
    const violations: string[] = [];
    await page.exposeFunction("reportViolation", (v: string) => violations.push(v));
    await page.addInitScript(() => document.addEventListener("securitypolicyviolation", (e) => (window as unknown as { reportViolation: (v: string) => void }).reportViolation(`${e.violatedDirective} ${e.blockedURI}`)));
    for (const path of ["/?endpoint=OS&group=RAS", "/pool?endpoint=recurrence-liver-only&comparison=parenchymal-sparing-hepatectomy:anatomical-hepatectomy&measure=OR", "/studies/become", "/questions"]) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
    }
    // The not-found page too (its own 404 is the one console message a browser logs there).
    await page.goto("/nope");
    await page.waitForLoadState("networkidle");
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    const unexpected = errors.filter((e) => e !== "Failed to load resource: the server responded with a status of 404 (Not Found)");
    await page.goto("/?endpoint=OS&group=RAS");
    await expect(page.locator("svg.recharts-surface").first()).toBeVisible();
    expect(violations).toEqual([]);
    expect(unexpected).toEqual([]);
  });
});

test.describe("methods and malformed URLs", () => {
  test("only GET and HEAD are served: other methods are 405 with Allow, OPTIONS 204, never a page", async ({ request }) => {
    const asset = /\/_next\/static\/[^"']+\.js/.exec(await (await request.get("/")).text())![0];
    for (const path of [...PAGES, ...API, "/nope", asset, "/icon.svg"]) {
      expect((await request.head(path)).status(), `HEAD ${path}`).toBeLessThan(500);
      for (const method of ["POST", "PUT", "DELETE", "PATCH", "TRACE"]) {
        const res = await request.fetch(path, { method, data: method === "TRACE" ? undefined : "x=1" });
        expect(res.status(), `${method} ${path}`).toBe(405);
        expect(res.headers().allow).toBe("GET, HEAD");
        expect(await res.text()).not.toMatch(/<html/i);
      }
      const options = await request.fetch(path, { method: "OPTIONS" });
      expect(options.status(), `OPTIONS ${path}`).toBe(204);
      expect(options.headers().allow).toBe("GET, HEAD");
    }
  });

  test("malformed percent-encoding: 404 page for a page path, 400 JSON naming the parameter for the API", async ({ request, page }) => {
    for (const path of ["/studies/%zz", "/studies/%", "/studies/%ff", "/questions/%E0%A4%A"]) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(404);
      expect(await res.text()).toContain("Page not found");
    }
    await page.goto("/studies/%zz");
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Browse the evidence" })).toHaveAttribute("href", "/");
    for (const [path, parameter] of [["/api/studies/%zz", "path"], ["/api/effects?q=%zz", "q"], ["/api/effects?endpoint=OS&group=%ff", "group"], ["/api/export?format=csv&%zz=1", "%zz"]] as const) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(400);
      expect(((await res.json()) as { parameter: string }).parameter).toBe(parameter);
    }
  });

  test("the crashes the probe found are gone", async ({ request }) => {
    const many = Array.from({ length: 1000 }, () => "study=become").join("&");
    for (const [path, status] of [
      ["/?offset=9223372036854775807", 200],
      ["/api/effects?offset=9223372036854775807", 400],
      [`/api/effects?${many}`, 200],
      [`/?${many}`, 200],
      [`/api/export?format=csv&${many}`, 200],
      ["/studies/%zz", 404],
    ] as const)
      expect((await request.get(path)).status(), path.slice(0, 80)).toBe(status);
  });
});

// ---- Property-based hostile requests -------------------------------------------------------------

const RUNS = Number(process.env.HOSTILE_RUNS ?? 5000);
const SEED = Number(process.env.HOSTILE_SEED ?? 20261202);
const CONCURRENCY = 8;
const LONG = "=cmd|' /C calc'!A0".repeat(600).slice(0, 10_000); // a 10 kB value

type Hostile = { method: string; path: string; query: [string, string][]; raw: string | null; api: boolean };

const STUDY_IDS = ["become", "cairo5", "tribe", "ncch-scp-2024"];
const CODES = ["OS", "PFS", "DFS", "RAS", "KRAS", "KRAS-G12D", "KRAS-codon-12", "HR", "OR", "multivariable", "secondary", "retrospective-cohort", "HAI-FUDR", "contrast", "true", "false", "csv", "json", "ris", "bibtex", "docx", "REML", "DL", "hksj", "wald", "setting", "RAS:RAS-wt", "ras-unresectable"];
const KEYS_BY_ROUTE: Record<string, string[]> = {
  "/": ["endpoint", "treatment", "group", "study", "measure", "design", "sourceLevel", "analysis", "kind", "q", "limit", "offset", "flagged", "computed", "searched"],
  "/studies": [],
  "/studies/[id]": [],
  "/compare": ["studies", "endpoint"],
  "/map": ["endpoint", "group", "study", "q", "analysis"],
  "/integrity": [],
  "/pool": ["endpoint", "group", "treatment", "measure", "analysis", "comparison", "method", "ci", "by", "sort", "q"],
  "/questions": [],
  "/questions/[id]": [],
  "/api/effects": ["endpoint", "treatment", "group", "study", "measure", "design", "sourceLevel", "analysis", "kind", "q", "limit", "offset", "flagged", "computed"],
  "/api/studies": [],
  "/api/studies/[id]": [],
  "/api/export": ["format", "endpoint", "group", "study", "q", "measure", "analysis"],
  "/api/pool": ["endpoint", "group", "treatment", "measure", "analysis", "comparison", "method", "ci", "by"],
  "/api/sof": ["question", "format"],
};

function hostileRequests(): fc.Arbitrary<Hostile> {
  const text = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...CODES, ...STUDY_IDS) },
    { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom(..."%_,;&=+#?/\\'\"<>{}[]()*|~^`$\u0000\u001b\r\n\t \u202e\ufffd\uff05\uff3f".split("")), maxLength: 24 }) },
    { weight: 1, arbitrary: fc.constantFrom("-1", "0", "1e400", "9223372036854775807", "99999999999999999999", "NaN", "Infinity", "0x10", "1.5", "") },
    { weight: 1, arbitrary: fc.constantFrom("<script>alert(1)</script>", "' OR 1=1 --", "../../etc/passwd", "%", "_", "%%", "__", "\u0000", "=HYPERLINK(\"http://x\")", "@SUM(A1)", LONG) },
  );
  const route = fc.constantFrom(...Object.keys(KEYS_BY_ROUTE));
  return fc
    .record({
      route,
      id: fc.oneof(fc.constantFrom(...STUDY_IDS, "ras-unresectable", "nope"), text),
      pairs: fc.array(fc.tuple(fc.oneof({ weight: 5, arbitrary: fc.constant("") }, { weight: 1, arbitrary: text }), text), { maxLength: 8 }),
      keyPicks: fc.array(fc.nat(), { maxLength: 8 }),
      repeat: fc.oneof({ weight: 9, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.constantFrom(50, 200, 1000) }),
      raw: fc.oneof({ weight: 9, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom("q=%zz", "endpoint=%ff", "%=1", "a=%E0%A4%A", "group=%c3%28", "offset=%2", "&&&==&", "q=%00", "q=%25%5F") }),
      method: fc.oneof({ weight: 16, arbitrary: fc.constant("GET") }, { weight: 1, arbitrary: fc.constant("HEAD") }, { weight: 3, arbitrary: fc.constantFrom("POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE") }),
    })
    .map(({ route, id, pairs, keyPicks, repeat, raw, method }) => {
      const keys = KEYS_BY_ROUTE[route]!;
      const query: [string, string][] = pairs.map(([k, v], i) => [k || keys[(keyPicks[i] ?? i) % Math.max(keys.length, 1)] || "x", v]);
      if (repeat > 1 && query[0]) for (let i = 1; i < repeat; i++) query.push(query[0]);
      const path = route.replace("[id]", encodeURIComponent(id.slice(0, 200)) || "x");
      return { method, path, query, raw, api: route.startsWith("/api/") };
    });
}

// Node refuses a request head over 16 kB with 431 before any route sees it: most URLs stay under
// that (so the app is what answers), a few go just over (so the 431 is seen too).
const URL_BUDGET = 15_000;
function urlOf(h: Hostile, overBudget: boolean): string {
  const encoded: string[] = [];
  let length = h.path.length;
  for (const [k, v] of h.query) {
    const pair = `${encodeURIComponent(k)}=${encodeURIComponent(v)}`;
    if (!overBudget && length + pair.length + 1 > URL_BUDGET) continue;
    if (length > 20_000) break;
    encoded.push(pair);
    length += pair.length + 1;
  }
  if (h.raw) encoded.push(h.raw);
  return encoded.length ? `${h.path}?${encoded.join("&")}` : h.path;
}

type Outcome = { url: string; method: string; status: number; problem: string | null };

async function send(request: APIRequestContext, h: Hostile, index: number): Promise<Outcome> {
  const url = urlOf(h, index % 50 === 0);
  let res: APIResponse;
  try {
    res = await request.fetch(url, { method: h.method, maxRedirects: 0, failOnStatusCode: false, timeout: 30_000 });
  } catch (error) {
    return { url, method: h.method, status: 0, problem: `no answer: ${String(error).split("\n")[0]!.slice(0, 120)}` };
  }
  const status = res.status();
  let problem: string | null = null;
  if (status >= 500) problem = `${status}: ${(await res.text()).slice(0, 200)}`;
  // 431: the URL is over Node's header limit (16 kB), refused before any route, whatever the method.
  else if (!["GET", "HEAD"].includes(h.method) && status !== (h.method === "OPTIONS" ? 204 : 405) && status !== 431) problem = `method ${h.method} answered ${status}`;
  else if (h.api && h.method === "GET" && status === 400) {
    const type = res.headers()["content-type"] ?? "";
    const body = await res.text();
    if (!type.includes("application/json")) problem = `400 not JSON (${type})`;
    else {
      const json = JSON.parse(body) as { error?: unknown; parameter?: unknown; allowed?: unknown };
      if (typeof json.parameter !== "string" || !json.parameter) problem = `400 without a parameter: ${body.slice(0, 200)}`;
      else if (typeof json.error !== "string" || typeof json.allowed !== "string" || !json.allowed) problem = `400 without error/allowed: ${body.slice(0, 200)}`;
      else if (body.includes(LONG.slice(0, 500))) problem = "400 echoes the 10 kB value";
    }
  }
  return { url, method: h.method, status, problem };
}

test("property: thousands of random and hostile requests across every route, zero 5xx, every API 400 JSON naming the parameter", async ({ request }) => {
  test.setTimeout(15 * 60_000);
  const samples = fc.sample(hostileRequests(), { numRuns: RUNS, seed: SEED });
  const outcomes: Outcome[] = [];
  const started = Date.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < samples.length && Date.now() - started < 12 * 60_000) {
        const index = next++;
        outcomes.push(await send(request, samples[index]!, index));
      }
    }),
  );
  const byStatus: Record<number, number> = {};
  for (const o of outcomes) byStatus[o.status] = (byStatus[o.status] ?? 0) + 1;
  const fiveXX = outcomes.filter((o) => o.status >= 500);
  const apiBadRequests = outcomes.filter((o) => o.status === 400 && o.url.startsWith("/api/") && o.method === "GET");
  const problems = outcomes.filter((o) => o.problem);
  const summary = {
    seed: SEED,
    sent: outcomes.length,
    seconds: Math.round((Date.now() - started) / 1000),
    fiveXX: fiveXX.length,
    apiBadRequestsChecked: apiBadRequests.length,
    byStatus,
    byMethod: Object.fromEntries(["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"].map((m) => [m, outcomes.filter((o) => o.method === m).length])),
    routes: Object.fromEntries(Object.keys(KEYS_BY_ROUTE).map((r) => [r, outcomes.filter((o) => (o.url.split("?")[0]!.replace(/^\/(api\/)?(studies|questions)\/.+$/, "/$1$2/[id]") || "/") === r).length])),
  };
  console.log(`hostile requests: ${JSON.stringify(summary)}`);
  test.info().annotations.push({ type: "hostile requests", description: JSON.stringify(summary) });
  expect(outcomes.length).toBeGreaterThanOrEqual(Math.min(RUNS, 5000));
  // The default run's figures (every sample sent, the committed seed) go to bench/hardening.json, without the time taken.
  if (outcomes.length === RUNS && !process.env.HOSTILE_RUNS && !process.env.HOSTILE_SEED) {
    const { seconds: _seconds, ...figures } = summary;
    recordHardening("hostileRequests", {
      test: "e2e/hardening.spec.ts › property: thousands of random and hostile requests",
      ...figures,
      problems: problems.length,
      summary: `${fiveXX.length} 5xx of ${outcomes.length} requests sent; ${apiBadRequests.length} API 400s, ${apiBadRequests.filter((o) => !o.problem).length} of them JSON naming the parameter without echoing a 10 kB value`,
    });
  }
  expect(problems.slice(0, 10).map((o) => `${o.method} ${o.url.slice(0, 200)} -> ${o.problem}`)).toEqual([]);
});
