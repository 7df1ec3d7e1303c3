// The read path's SQL against the records themselves: paging by key visits every record once in list
// order, the join tables keep the filters' meaning (a group includes its descendants, a treatment the
// regimens that contain it), facet counts are the counts, free text is words, and no condition binds
// more values than it has filters.
import { beforeAll, describe, expect, it } from "vitest";
import { buildTestDatabase } from "../../testing/build-test-db";
import { openDatabase } from "../../db/open";
import { loadVocabulary, descendantsOf, type AppVocabulary } from "../vocabulary";
import { sqlite } from "../../db/sqlite";
import type { EffectFilters } from "../filters";
import type { EffectRecord } from "../../domain/records";
import { MAX_FILTER_VALUES } from "../filters";
import { comparisonMates, effectBatches, effectCondition, effectsById, facetCountsUncached, findEffectPage, flagPage, ftsQuery, NO_FILTERS, searchRecords } from ".";

let file: string;
let vocab: AppVocabulary;
let all: (EffectRecord & { treatments: string; design: string; searchText: string })[];

beforeAll(async () => {
  file = await buildTestDatabase();
  vocab = await loadVocabulary(openDatabase(file));
  const extra = new Map(
    (sqlite(file).prepare("SELECT id, treatments, design, searchText FROM Effect").all() as { id: string; treatments: string; design: string; searchText: string }[]).map((r) => [r.id, r]),
  );
  all = [...effectBatches(NO_FILTERS, [], 500, { file }, "browse")].flat().map((e) => ({ ...e, ...extra.get(e.id)! }));
}, 120_000);

const f = (over: Partial<EffectFilters>): EffectFilters => ({ ...NO_FILTERS, ...over });
const COMBOS: Partial<EffectFilters>[] = [
  {},
  { endpoint: ["OS"] },
  { group: ["KRAS"] },
  { group: ["RAS"], endpoint: ["OS", "PFS"] },
  { group: ["KRAS"], endpoint: ["OS"] },
  { group: ["RAS"], endpoint: ["OS"], analysis: ["multivariable"] },
  { treatment: ["bevacizumab"], endpoint: ["ORR"] },
  { treatment: ["bevacizumab"] },
  { treatment: ["hepatectomy", "HAI"], analysis: ["multivariable", "univariable"] },
  { measure: ["HR"], flagged: false },
  { flagged: true },
  { computed: true, sourceLevel: ["primary-full-text"] },
  { design: ["rct"], kind: ["contrast"] },
];

/** The records a filter means, decided in JavaScript from the records. */
function brute(over: Partial<EffectFilters>) {
  const q = f(over);
  return all.filter((e) => {
    if (q.endpoint.length && !q.endpoint.includes(e.endpoint)) return false;
    if (q.group.length && !q.group.some((g) => e.molecularGroups.some((m) => descendantsOf(vocab.groups, g).includes(m)))) return false;
    if (q.treatment.length && !q.treatment.some((t) => e.treatments.includes(`|${t}|`))) return false;
    if (q.study.length && !q.study.includes(e.studyId)) return false;
    if (q.measure.length && !q.measure.includes(e.measure ?? "")) return false;
    if (q.design.length && !q.design.includes(e.design)) return false;
    if (q.sourceLevel.length && !q.sourceLevel.includes(e.sourceLevel)) return false;
    if (q.analysis.length && !q.analysis.includes(e.analysis)) return false;
    if (q.kind.length && !q.kind.includes(e.kind)) return false;
    if (q.flagged !== null && (e.flags.length > 0) !== q.flagged) return false;
    if (q.computed !== null && e.computed !== q.computed) return false;
    return true;
  });
}

describe("the effect list in SQL", () => {
  it("lists records in browse order: endpoint, then study, then the study's own order", () => {
    const endpointRank = new Map(vocab.endpoints.map((e, i) => [e.code, i]));
    for (let i = 1; i < all.length; i++) expect(endpointRank.get(all[i - 1]!.endpoint)! <= endpointRank.get(all[i]!.endpoint)!).toBe(true);
  });

  for (const combo of COMBOS)
    it(`filters as the records say, and pages by key through all of them: ${JSON.stringify(combo)}`, () => {
      const expected = brute(combo).map((e) => e.id);
      const seen: string[] = [];
      let after: number | null = null;
      for (let n = 0; n < 1000; n++) {
        const page = findEffectPage(f({ ...combo, limit: 37 }), [], { limit: 37, after }, { file });
        expect(page.count).toBe(expected.length);
        expect(page.first).toBe(seen.length);
        seen.push(...page.data.map((e) => e.id));
        if (page.next === null) break;
        after = page.next;
        // The page before the next one is this one.
        const back = findEffectPage(f({ ...combo, limit: 37 }), [], { limit: 37, before: page.next + 1 }, { file });
        expect(back.data.map((e) => e.id)).toEqual(page.data.map((e) => e.id));
      }
      expect(seen).toEqual(expected);
      // An offset lands where counting says.
      if (expected.length > 40) expect(findEffectPage(f({ ...combo, limit: 5 }), [], { limit: 5, offset: 40 }, { file }).data.map((e) => e.id)).toEqual(expected.slice(40, 45));
    });

  it("counts every facet value as the records say, under the other filters", () => {
    for (const combo of COMBOS) {
      const counts = facetCountsUncached(f(combo), [], file);
      const without = (key: keyof EffectFilters) => brute({ ...combo, [key]: [] });
      const tally = (records: typeof all, values: (e: (typeof all)[number]) => string[]) => {
        const m = new Map<string, number>();
        for (const e of records) for (const v of new Set(values(e))) m.set(v, (m.get(v) ?? 0) + 1);
        return m;
      };
      expect(counts.endpoint).toEqual(tally(without("endpoint"), (e) => [e.endpoint]));
      expect(counts.design).toEqual(tally(without("design"), (e) => [e.design]));
      expect(counts.analysis).toEqual(tally(without("analysis"), (e) => [e.analysis]));
      expect(counts.measure).toEqual(tally(without("measure"), (e) => (e.measure ? [e.measure] : [])));
      expect(counts.treatment).toEqual(tally(without("treatment"), (e) => e.treatments.split("|").filter(Boolean)));
      const groups = tally(without("group"), (e) => vocab.groups.filter((g) => e.molecularGroups.some((m) => descendantsOf(vocab.groups, g.code).includes(m))).map((g) => g.code));
      expect(counts.group).toEqual(groups);
    }
  });

  it("finds free text by words typed so far, each word in the record's text or its synonyms", () => {
    for (const words of [["hepatectomy"], ["hepat"], ["bevacizumab", "overall"], ["g12d"]]) {
      const ids = new Set(findEffectPage(f({ limit: 1000 }), words, { limit: 1000 }, { file }).data.map((e) => e.id));
      const expected = all.filter((e) => words.every((w) => new RegExp(`(^|[^\\p{L}\\p{N}])${w}`, "iu").test(e.searchText))).map((e) => e.id);
      expect([...ids].sort()).toEqual(expected.sort());
      expect(ids.size).toBeGreaterThan(0);
    }
  });

  it("counts typed text alone in the FTS5 index as many records as it finds, and as with a filter beside it", () => {
    for (const words of [["hepatectomy"], ["hepat"], ["bevacizumab", "overall"], ["g12d"], ["os"], ["zzzz"]]) {
      expect(effectCondition(f({}), words).onlyText).not.toBeNull();
      const page = findEffectPage(f({ limit: 1000 }), words, { limit: 1000 }, { file });
      expect(page.count).toBe(page.data.length);
      const everyEndpoint = findEffectPage(f({ endpoint: vocab.allowed.endpoint }), words, { limit: 1 }, { file });
      expect(effectCondition(f({ endpoint: vocab.allowed.endpoint }), words).onlyText).toBeNull();
      expect(everyEndpoint.count).toBe(page.count);
    }
  });

  it("reads FTS5 syntax in what a user types as text", () => {
    expect(ftsQuery(['"', "OR", "*", "NEAR(a b)", "title:x"])).toBe('"or"* AND "near a b"* AND "title x"*');
    for (const q of ['" OR *', "AND", "NOT x", "col:val", "^start", "(", "-x"]) expect(() => findEffectPage(f({}), [q], { limit: 5 }, { file })).not.toThrow();
    expect(ftsQuery(["", "%", "—"])).toBeNull();
  });

  it("binds one value per filter however many values it has", () => {
    const every = f({
      endpoint: vocab.allowed.endpoint,
      treatment: vocab.allowed.treatment,
      group: vocab.allowed.group,
      study: vocab.allowed.study,
      measure: vocab.allowed.measure,
      design: vocab.allowed.design,
      sourceLevel: vocab.allowed.sourceLevel,
      analysis: vocab.allowed.analysis,
      kind: vocab.allowed.kind,
      flagged: true,
      computed: false,
    });
    expect(Object.values(vocab.allowed).flat().length).toBeGreaterThan(MAX_FILTER_VALUES / 2);
    expect(effectCondition(every, ["a", "b", "c"]).params.length).toBeLessThanOrEqual(11);
    expect(() => findEffectPage(every, ["overall"], { limit: 10 }, { file })).not.toThrow();
  });

  it("re-ranks the best FTS5 candidates for a typed search", () => {
    const { data, candidates } = searchRecords("become overall survival", { file });
    expect(candidates).toBeGreaterThan(0);
    expect(data[0]?.study).toMatch(/BECOME/i);
  });
});

describe("comparisons stay whole (comparisonMates)", () => {
  const view = (over: Partial<EffectFilters>) => {
    const page = findEffectPage(f(over), [], { limit: 100 }, { file });
    return { page, mates: comparisonMates(f(over), [], page.data, { file }) };
  };

  it("a RAS filter on OS after hepatectomy keeps the RAS wild-type medians of MD Anderson and NCCH", () => {
    const { page, mates } = view({ endpoint: ["OS"], treatment: ["hepatectomy"], group: ["RAS"] });
    const byId = new Map(mates.map((m) => [m.id, m]));
    expect(byId.get("mdacc-kras-codon-524/pa-os-ras-wt")?.valueText).toBe("72.6");
    expect(byId.get("ncch-scp-2024/os-median-ras-wt")?.valueText).toBe("70.03");
    expect(page.data.find((e) => e.id === "ncch-scp-2024/os-median-ras-mt")?.valueText).toBe("44.03");
    // Comparators are the left-out members of the page's comparisons only, and never a matched record.
    const pairs = new Set(page.data.map((e) => `${e.studyId}|${e.comparison}`));
    const ids = new Set(page.data.map((e) => e.id));
    for (const m of mates) {
      expect(pairs.has(`${m.studyId}|${m.comparison}`)).toBe(true);
      expect(ids.has(m.id)).toBe(false);
      expect(m.endpoint).toBe("OS");
    }
  });

  it("HAI floxuridine with KRAS keeps the wild-type response 13/13 beside the KRAS-mutant 7/11", () => {
    const { page, mates } = view({ treatment: ["HAI-FUDR"], group: ["KRAS"] });
    const mutant = page.data.find((e) => e.id === "spectrum-hai-2022/orr-kras");
    expect([mutant?.events, mutant?.total]).toEqual([7, 11]);
    const wildType = mates.find((m) => m.studyId === "spectrum-hai-2022" && m.comparison === "orr-by-kras" && m.kind === "arm");
    expect([wildType?.events, wildType?.total]).toEqual([13, 13]);
  });

  it("no arm-selecting filter, no comparators", () => {
    const { mates } = view({ endpoint: ["OS"] });
    expect(mates).toEqual([]);
  });
});

describe("flags' texts in the reader's language", () => {
  // NCCH's Table 2 prints the OS HR as 248 (read 2.48); its clean twin in the Results carries the note.
  const damaged = "ncch-scp-2024/os-mv-crlm-size";
  const texts = (locale?: string) => {
    const [record] = effectsById([damaged], { file, locale });
    const flag = record!.flags.find((x) => x.code === "damaged-print")!;
    const listed = flagPage("damaged-print", { limit: 100 }, { file, locale }).data.find((x) => x.effectId === damaged)!;
    return { record: [flag.summary, flag.message, flag.expected], listed: [listed.summary, listed.message, listed.expected] };
  };
  it("English by default (/api, exports), Chinese for a /zh page, the same flag in both", () => {
    const en = texts();
    const zh = texts("zh");
    expect(en.record[0]).toMatch(/^The copy of Table 2 prints the value 248 \(read as 2\.48\)/);
    expect(zh.record[0]).toMatch(/^此副本的 Table 2 中，.*的数值印作 248（读作 2\.48）/);
    expect(zh.record[1]).toMatch(/^印刷损坏：数值原文印作 248，读作 2\.48。/);
    expect(en.listed).toEqual(en.record);
    expect(zh.listed).toEqual(zh.record);
    expect(texts("en")).toEqual(en);
  });
});
