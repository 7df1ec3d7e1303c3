// No request crashes: the filter schema's strict (API) and lenient (pages) modes under hostile input,
// the SQLite parameter bound, LIKE wildcards, errors as 400/500/503 with what each must say. Against
// a database built from the curated content through the app's own build path.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { NextRequest } from "next/server";
import { buildTestDatabase } from "@/lib/testing/build-test-db";
import { openDatabase } from "@/lib/db/open";
import {
  FILTER_KEYS,
  FilterError,
  MAX_FILTER_VALUES,
  MAX_LIMIT,
  MAX_OFFSET,
  MAX_VALUES_PER_PARAMETER,
  parseFiltersLenient,
  parseFiltersLenientWithNotes,
  parseFiltersStrict,
  type EffectFilters,
} from "@/lib/data/filters";
import { entityTag, etagMatches, handle, isDatabaseUnavailable } from "@/lib/data/api-response";
import { applyQuery, effectWhere, findEffects } from "@/lib/data/find-effects";
import { loadVocabulary, type AppVocabulary } from "@/lib/data/vocabulary";
import { ignoredText } from "@/lib/data/ignored";

let dbFile: string;
let vocab: AppVocabulary;
let routes: {
  effects: typeof import("./effects/route");
  exportRoute: typeof import("./export/route");
  pool: typeof import("./pool/route");
  sof: typeof import("./sof/route");
  studies: typeof import("./studies/route");
};

beforeAll(async () => {
  dbFile = await buildTestDatabase();
  process.env.EVIDENCE_DB = dbFile;
  const db = openDatabase(dbFile);
  vocab = await loadVocabulary(db);
  await db.$disconnect();
  routes = {
    effects: await import("./effects/route"),
    exportRoute: await import("./export/route"),
    pool: await import("./pool/route"),
    sof: await import("./sof/route"),
    studies: await import("./studies/route"),
  };
}, 120_000);

afterEach(() => {
  process.env.EVIDENCE_DB = dbFile;
  vi.restoreAllMocks();
});

type Body = { data?: { id: string }[]; count?: number; error?: string; parameter?: string; allowed?: string; requestId?: string };
async function call(route: "effects" | "exportRoute" | "pool" | "sof" | "studies", query: string) {
  const path = { effects: "effects", exportRoute: "export", pool: "pool", sof: "sof", studies: "studies" }[route];
  const res = await routes[route].GET(new NextRequest(`http://test/api/${path}${query}`));
  const text = await res.text();
  const json = res.headers.get("content-type")?.includes("json") ? (JSON.parse(text) as Body) : null;
  return { status: res.status, text, body: json ?? ({} as Body) };
}
const repeat = (key: string, value: string, n: number) => `?${Array.from({ length: n }, () => `${key}=${encodeURIComponent(value)}`).join("&")}`;

describe("repeated and many values stay within SQLite's parameter limit", () => {
  it.each([
    ["study", "become"],
    ["treatment", "HAI-FUDR"],
    ["group", "RAS"],
    ["endpoint", "OS"],
    ["measure", "HR"],
  ])("1,000 repeated %s values answer like one", async (key, value) => {
    const one = await call("effects", `?${key}=${value}`);
    const many = await call("effects", repeat(key, value, 1000));
    expect(many.status).toBe(200);
    expect(many.body.count).toBe(one.body.count);
    const commas = await call("effects", `?${key}=${Array(1000).fill(value).join(",")}`);
    expect(commas.body.count).toBe(one.body.count);
    expect((await call("exportRoute", `${repeat(key, value, 1000)}&format=csv`)).status).toBe(200);
    expect((await call("pool", repeat(key, value, 1000))).status).toBe(200);
  });

  it("1,000 different values are a 400 naming the parameter, not a database error", async () => {
    const query = `?${Array.from({ length: 1000 }, (_, i) => `study=s${i}`).join("&")}`;
    const res = await call("effects", query);
    expect(res.status).toBe(400);
    expect(res.body.parameter).toBe("study");
    const known = `?${vocab.allowed.study.map((s) => `study=${s}`).join("&")}&${vocab.allowed.study.map((s) => `study=${s}`).join("&")}`;
    expect((await call("effects", known)).status).toBe(200);
  });

  it("every vocabulary value at once, with the longest free text, runs (the worst combination)", async () => {
    const everything = Object.fromEntries(FILTER_KEYS.map((k) => [k, vocab.allowed[k]])) as Record<(typeof FILTER_KEYS)[number], string[]>;
    const total = FILTER_KEYS.reduce((n, k) => n + everything[k].length, 0);
    expect(total).toBeLessThanOrEqual(MAX_FILTER_VALUES);
    const words = Array.from({ length: 66 }, (_, i) => `w${i % 10}`).join(" ").slice(0, 200);
    const params = new URLSearchParams();
    for (const k of FILTER_KEYS) for (const v of everything[k]) params.append(k, v);
    params.set("q", words);
    const res = await call("effects", `?${params}`);
    expect(res.status, res.text.slice(0, 300)).toBe(200);
    // At the caps rather than today's vocabulary: 300 values in all (groups with their descendants),
    // the longest free text, through the data layer as the routes call it.
    const fake = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);
    const atCaps: EffectFilters = {
      ...parseFiltersStrict(new URLSearchParams(), vocab.allowed),
      group: vocab.allowed.group,
      endpoint: vocab.allowed.endpoint,
      study: fake("s", MAX_VALUES_PER_PARAMETER),
      treatment: fake("t", MAX_FILTER_VALUES - MAX_VALUES_PER_PARAMETER - vocab.allowed.group.length - vocab.allowed.endpoint.length),
      q: words,
      limit: MAX_LIMIT,
    };
    expect(FILTER_KEYS.reduce((n, k) => n + atCaps[k].length, 0)).toBe(MAX_FILTER_VALUES);
    const db = openDatabase(dbFile);
    await expect(findEffects(db, vocab, atCaps)).resolves.toBeTruthy();
    await db.$disconnect();
  });

  it("caps values per parameter and in all, in both modes", () => {
    const big = { ...vocab.allowed, study: Array.from({ length: 400 }, (_, i) => `study-${i}`) };
    const params = new URLSearchParams(big.study.slice(0, MAX_VALUES_PER_PARAMETER + 1).map((s) => ["study", s]));
    expect(() => parseFiltersStrict(params, big)).toThrow(/at most 100 values/);
    const { filters, ignored } = parseFiltersLenientWithNotes(params, big);
    expect(filters.study).toHaveLength(MAX_VALUES_PER_PARAMETER);
    expect(ignoredText(ignored)).toMatch(/values past the first 100/);
  });
});

describe("free text cannot carry LIKE wildcards", () => {
  it.each(["%", "_", "%%", "__", "a%b", "KRAS_G12D", "50%", "％％", "＿＿"])("q=%s: the API refuses it naming q; pages read it as spaces and say so", async (q) => {
    const res = await call("effects", `?q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(400);
    expect(res.body.parameter).toBe("q");
    expect(res.body.allowed).toMatch(/without % or _/);
    const { filters, ignored } = parseFiltersLenientWithNotes(new URLSearchParams({ q }), vocab.allowed);
    expect(filters.q ?? "").not.toMatch(/[%_]/);
    expect(ignoredText(ignored)).toMatch(/% and _/);
  });

  it("a page's q of only wildcards is no text search (it matched every record through LIKE before)", async () => {
    const db = openDatabase(dbFile);
    const texts = (await db.effect.findMany({ select: { searchText: true } })).map((e) => e.searchText ?? "");
    await db.$disconnect();
    expect(texts.filter((t) => t.includes("%%")).length).toBeLessThan(texts.length);
    expect(parseFiltersLenient(new URLSearchParams({ q: "%%" }), vocab.allowed).q).toBeNull();
    expect(parseFiltersLenient(new URLSearchParams({ q: "50% KRAS_G12D" }), vocab.allowed).q).toBe("50  KRAS G12D");
  });

  it("no vocabulary code used in a `contains` filter holds a wildcard", () => {
    for (const code of vocab.allowed.treatment) expect(code).not.toMatch(/[%_|]/);
  });

  it("no text that reaches a LIKE holds a wildcard, whatever q is (property)", () => {
    const hostile = fc.string({ unit: fc.constantFrom(..."%_％＿﹪﹍ aKRSG12D\\[]^*?'\"".split("")), maxLength: 40 });
    fc.assert(
      fc.property(fc.oneof(hostile, fc.string({ maxLength: 300 })), (q) => {
        const filters = parseFiltersLenient(new URLSearchParams({ q }), vocab.allowed);
        const { filters: merged, interpretation } = applyQuery(filters, vocab);
        const where = JSON.stringify(effectWhere(merged, vocab, interpretation?.freeText ?? []));
        for (const m of where.matchAll(/"contains":"((?:[^"\\]|\\.)*)"/g)) expect(m[1]).not.toMatch(/[%_]/);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("offset and limit are bounded", () => {
  it.each([
    ["?offset=9223372036854775807", "offset"],
    ["?offset=99999999999999999999999", "offset"],
    ["?offset=-1", "offset"],
    ["?offset=1e3", "offset"],
    ["?limit=1001", "limit"],
    ["?limit=-5", "limit"],
    ["?limit=1&limit=2", "limit"],
  ])("the API answers %s with a 400 naming %s", async (query, parameter) => {
    const res = await call("effects", query);
    expect(res.status).toBe(400);
    expect(res.body.parameter).toBe(parameter);
  });
  it("pages clamp them and say so", () => {
    const huge = parseFiltersLenientWithNotes(new URLSearchParams({ offset: "9223372036854775807", limit: "5000" }), vocab.allowed);
    expect(huge.filters.offset).toBe(MAX_OFFSET);
    expect(huge.filters.limit).toBe(MAX_LIMIT);
    expect(huge.ignored).toHaveLength(2);
    expect(parseFiltersLenient(new URLSearchParams({ offset: "-7", limit: "abc" }), vocab.allowed)).toMatchObject({ offset: 0, limit: 100 });
  });
  it("a page with the largest offset still answers", async () => {
    const db = openDatabase(dbFile);
    const filters = parseFiltersLenient(new URLSearchParams({ offset: "9223372036854775807" }), vocab.allowed);
    await expect(findEffects(db, vocab, filters)).resolves.toMatchObject({ data: [] });
    await db.$disconnect();
  });
});

describe("a 400 names the parameter and never echoes a 10 kB value whole", () => {
  const long = "=A".repeat(5000);
  const longKey = "K<".repeat(5000);
  it.each([
    ["effects", `?endpoint=${long}`, "endpoint"],
    ["effects", `?q=${long}`, "q"],
    ["effects", `?${longKey}=1`, longKey.slice(0, 60)],
    ["effects", `?limit=${long}`, "limit"],
    ["exportRoute", `?format=${long}`, "format"],
    ["exportRoute", `?format=csv&group=${long}`, "group"],
    ["pool", `?method=${long}`, "method"],
    ["pool", `?comparison=${long}`, "comparison"],
    ["sof", `?question=${long}`, "question"],
    ["sof", `?${longKey}=x`, longKey.slice(0, 40)],
    ["studies", `?${longKey}=x`, longKey.slice(0, 60)],
  ] as const)("%s %#", async (route, query, parameter) => {
    const res = await call(route, query);
    expect(res.status).toBe(400);
    expect(res.body.parameter?.replace(/…$/, "")).toBe(parameter);
    expect(res.body.allowed).toBeTruthy();
    expect(res.text).not.toContain(long.slice(0, 1000));
    expect(res.text).not.toContain(longKey.slice(0, 1000));
    expect(res.text.length).toBeLessThan(5000);
  });
});

describe("strict and lenient parsing of any query (property)", () => {
  const keys = fc.constantFrom(...FILTER_KEYS, "q", "limit", "offset", "flagged", "computed", "searched", "x");
  const values = (v: AppVocabulary) =>
    fc.oneof(
      fc.constantFrom(...v.allowed.study, ...v.allowed.group, ...v.allowed.endpoint, "true", "false", "0", "-1", "1e400", "9223372036854775807"),
      fc.string({ maxLength: 120 }),
      fc.string({ unit: fc.constantFrom(..."%_,&=+;\u0000\uFFFD\u202E ".split("")), maxLength: 20 }),
    );
  it("strict throws only FilterError, with a short parameter and message; lenient never throws and keeps only allowed values", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(keys, values(vocab)), { maxLength: 30 }), (pairs) => {
        const params = new URLSearchParams(pairs);
        try {
          parseFiltersStrict(params, vocab.allowed);
        } catch (e) {
          expect(e).toBeInstanceOf(FilterError);
          expect((e as FilterError).parameter.length).toBeLessThanOrEqual(60);
          expect((e as FilterError).message.length).toBeLessThanOrEqual(200);
        }
        const f: EffectFilters = parseFiltersLenient(params, vocab.allowed);
        for (const k of FILTER_KEYS) for (const v of f[k]) expect(vocab.allowed[k]).toContain(v);
        expect(f.offset).toBeGreaterThanOrEqual(0);
        expect(f.offset).toBeLessThanOrEqual(MAX_OFFSET);
        expect(f.limit).toBeGreaterThanOrEqual(1);
        expect(f.limit).toBeLessThanOrEqual(MAX_LIMIT);
        expect(f.q ?? "").not.toMatch(/[%_]/);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("errors: 500 with a request id, 503 only when the database is unavailable", () => {
  it("an unexpected error is a 500 with a request id that is in the log", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = await handle(new Request("http://test/api/effects"), async () => {
      throw new TypeError("a bug");
    });
    expect(res.status).toBe(500);
    const body = (await res.json()) as Body;
    expect(body.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.error).not.toMatch(/a bug|TypeError/);
    expect(String(log.mock.calls[0]?.[0])).toContain(body.requestId);
  });

  it("a query over Prisma's parameter limit is a 500, not 'database not available'", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("The query parameter limit supported by your database is exceeded."), { code: "P2029" }))).toBe(false);
  });

  it.each([
    ["missing", () => path.join(os.tmpdir(), `no-such-${process.pid}.db`)],
    [
      "not a database",
      () => {
        const f = path.join(os.tmpdir(), `garbage-${process.pid}.db`);
        writeFileSync(f, "garbage".repeat(1000));
        return f;
      },
    ],
  ])("a %s database file is a 503", async (_label, file) => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    process.env.EVIDENCE_DB = file();
    const res = await call("effects", "");
    expect(res.status).toBe(503);
    expect(res.body.error).toMatch(/db:build/);
    expect(res.body.requestId).toBeTruthy();
  });
});

describe("ETag keyed by the dataset version", () => {
  it("matches as If-None-Match asks", () => {
    const tag = entityTag("fc0c21cdb9720ed4");
    expect(tag).toMatch(/^"fc0c21cdb9720ed4-[A-Za-z0-9._-]+"$/);
    expect(etagMatches(tag, tag)).toBe(true);
    expect(etagMatches(`W/${tag}`, tag)).toBe(true);
    expect(etagMatches(`"other", ${tag}`, tag)).toBe(true);
    expect(etagMatches("*", tag)).toBe(true);
    expect(etagMatches('"other"', tag)).toBe(false);
    expect(etagMatches(null, tag)).toBe(false);
    expect(entityTag('a"b\r\nc')).not.toMatch(/[\r\n]|a"b/);
  });
  it("is on successful answers, not on errors", async () => {
    const ok = await routes.effects.GET(new NextRequest("http://test/api/effects?limit=1"));
    expect(ok.headers.get("etag")).toMatch(/^".+"$/);
    expect(ok.headers.get("cache-control")).toBe("public, no-cache");
    const bad = await routes.effects.GET(new NextRequest("http://test/api/effects?limit=0"));
    expect(bad.headers.get("etag")).toBeNull();
    expect(bad.headers.get("cache-control")).toBe("no-store");
  });
});
