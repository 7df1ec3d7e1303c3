// /api/suggest's answers, against a database built from the curated content through the app's build
// path: a suggested term always has records (its count checked against a direct COUNT), a query
// that finds nothing says what was understood and offers the nearest queries that find something.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../generated/prisma/client";
import { buildTestDatabase } from "../testing/build-test-db";
import { openDatabase } from "../db/open";
import { loadVocabulary, localizeVocabulary, type AppVocabulary } from "../data/vocabulary";
import { effectWhere } from "../data/find-effects";
import { parseFiltersLenient } from "../data/filters";
import { suggestFor, termRecordCounts, MAX_SUGGESTIONS } from "./suggest";

let db: PrismaClient;
let vocab: AppVocabulary;

beforeAll(async () => {
  db = openDatabase(await buildTestDatabase());
  vocab = await loadVocabulary(db);
}, 120_000);
afterAll(() => db?.$disconnect());

const ask = (query: string) => suggestFor(db, vocab, new URLSearchParams(query));
/** Records a page URL finds, counted directly. */
const recordsAt = (href: string) => {
  const params = new URLSearchParams(href.replace(/^\/\??/, ""));
  const f = parseFiltersLenient(params, vocab.allowed);
  return db.effect.count({ where: effectWhere(f, vocab, f.q ? f.q.split(" ") : []) });
};

describe("suggestions as the user types", () => {
  it.each(["G12", "G13", "codon", "NRAS", "NRAS codon 146", "exon", "hai", "sir", "bev", "anti", "margin", "OS", "ORR", "Kolb", "cairo", "转化", "zzzz"])(
    "offers %s only terms with records, each with its true count",
    async (q) => {
      const a = await ask(`q=${encodeURIComponent(q)}`);
      expect(a.suggestions.length).toBeLessThanOrEqual(MAX_SUGGESTIONS + 2);
      for (const s of a.suggestions) {
        expect(s.count, `${q}: ${s.label}`).toBeGreaterThan(0);
        if (s.kind !== "query") expect(await recordsAt(s.href), `${q}: ${s.href}`).toBe(s.count);
      }
    },
  );

  it("never offers an allele or codon that has no records", async () => {
    const counts = await termRecordCounts(db, vocab);
    const empty = vocab.groups.filter((g) => !counts.group.get(g.code)).map((g) => g.code);
    expect(empty).toContain("NRAS-codon-146");
    for (const q of ["NRAS codon 146", "G12R", "G12S", "codon 117", "NRAS codon 61"]) {
      const a = await ask(`q=${encodeURIComponent(q)}`);
      for (const s of a.suggestions) expect(empty, `${q} offered ${s.code}`).not.toContain(s.code);
    }
  });

  it("offers the whole query first when it finds records", async () => {
    const a = await ask("q=OS+hepatectomy+RAS");
    expect(a.count).toBeGreaterThan(0);
    expect(a.suggestions[0]).toMatchObject({ kind: "query", href: "/?q=OS%20hepatectomy%20RAS" });
    expect(a.suggestions[0]!.count).toBe(a.count);
  });
});

describe("a query read through a clinical phrase", () => {
  it("says what 'exon 2' was read as and finds codon 12/13 records", async () => {
    const a = await ask("q=exon+2");
    expect(a.count).toBeGreaterThan(0);
    expect(a.understood.map((m) => m.code)).toEqual(expect.arrayContaining(["KRAS-codon-12", "KRAS-codon-13", "NRAS-codon-12", "NRAS-codon-13"]));
    expect(a.notes[0]).toMatch(/KRAS and in NRAS/);
    expect(a.hint).toBeNull();
  });
});

describe("a query that finds nothing", () => {
  it("says what it understood and offers the nearest queries that find records", async () => {
    const a = await ask("q=sotorasib+G12D");
    expect(a.count).toBe(0);
    expect(a.understood.map((m) => m.code).sort()).toEqual(["KRAS-G12D", "sotorasib"]);
    const nearest = a.hint!.nearest;
    expect(nearest.length).toBeGreaterThan(0);
    expect(nearest.some((s) => s.detail === "without KRAS G12D")).toBe(true);
    expect(nearest.some((s) => s.detail === "KRAS G12C instead of KRAS G12D")).toBe(true);
    for (const s of nearest) {
      expect(s.count).toBeGreaterThan(0);
      expect(await recordsAt(s.href), s.href).toBe(s.count);
    }
  });

  it("keeps the view's filters: a query that finds records alone but not with them", async () => {
    const a = await ask("q=G12D&endpoint=conversion");
    expect(a.count).toBe(0);
    expect(a.hint!.nearest.some((s) => s.detail === "without Conversion to resectability")).toBe(true);
  });

  it("offers the terms nearest to words it did not understand", async () => {
    const a = await ask("q=hepatic+artery+pumpx+floxuridne+zzyzx");
    expect(a.count).toBe(0);
    expect(a.freeText).toContain("zzyzx");
    for (const s of a.hint!.nearest) expect(s.count).toBeGreaterThan(0);
  });

  it("answers an empty question with nothing rather than everything", async () => {
    const a = await ask("q=");
    expect(a).toMatchObject({ q: "", count: 0, suggestions: [], hint: null });
  });
});

describe("suggestions for the Chinese interface", () => {
  it("gives the fixed words in Chinese, leading with the same records and counts as in English", async () => {
    const en = await ask("q=G12");
    const zh = await suggestFor(db, localizeVocabulary(vocab, "zh"), new URLSearchParams("q=G12"));
    // The Chinese labels are search terms too, so the lists may differ in length; the English ones lead both.
    expect(zh.suggestions.slice(0, 3).map((s) => [s.href, s.count])).toEqual(en.suggestions.slice(0, 3).map((s) => [s.href, s.count]));
    expect(en.suggestions.some((s) => / · matched “/.test(s.detail))).toBe(true);
    const matched = zh.suggestions.find((s) => s.kind === "group")!;
    expect(matched.detail).toMatch(/^分子分组 · 匹配“.+”/);
  });
});
