// The API's filters and its 400 answers, against a database built from the curated content
// through the app's own build path.
import { beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { buildTestDatabase } from "@/lib/testing/build-test-db";

type Routes = {
  effects: typeof import("./effects/route");
  studies: typeof import("./studies/route");
  study: typeof import("./studies/[id]/route");
  exportRoute: typeof import("./export/route");
  pool: typeof import("./pool/route");
  sof: typeof import("./sof/route");
};
let routes: Routes;

beforeAll(async () => {
  process.env.EVIDENCE_DB = await buildTestDatabase();
  routes = {
    effects: await import("./effects/route"),
    studies: await import("./studies/route"),
    study: await import("./studies/[id]/route"),
    exportRoute: await import("./export/route"),
    pool: await import("./pool/route"),
    sof: await import("./sof/route"),
  };
}, 120_000);

async function effects(query: string) {
  const res = await routes.effects.GET(new NextRequest(`http://test/api/effects${query}`));
  return { status: res.status, body: (await res.json()) as { data: Record<string, unknown>[]; count: number; error?: string; parameter?: string; allowed?: string } };
}

describe("GET /api/effects", () => {
  it("answers { data, count } in the export's effect shape", async () => {
    const { status, body } = await effects("?limit=5");
    expect(status).toBe(200);
    expect(body.count).toBeGreaterThan(300);
    expect(body.data).toHaveLength(5);
    for (const key of ["id", "studyId", "endpoint", "endpointLabel", "measure", "value", "ciLower", "ciUpper", "p", "events", "total", "unit", "exposure", "reference", "group", "population", "analysis", "treatment", "molecularGroups", "locator", "sourceLevel", "computed", "flags"])
      expect(body.data[0], key).toHaveProperty(key);
  });

  it("finds the NCCH multivariable OS hazard ratio for RAS-mutant vs wild-type", async () => {
    const { body } = await effects("?endpoint=OS&group=RAS&analysis=multivariable&measure=HR");
    const hr = body.data.find((e) => e.id === "ncch-scp-2024/os-mv-ras");
    expect(hr).toMatchObject({ value: 3.37, ciLower: 1.76, ciUpper: 6.47, p: "<0.001", exposure: "RAS-mutant", analysis: "multivariable" });
    expect(body.data.every((e) => e.endpoint === "OS" && e.measure === "HR" && e.analysis === "multivariable")).toBe(true);
  });

  it("includes descendants for a group and says at which level each record was reported", async () => {
    const codon = await effects("?group=KRAS-codon-12&limit=1000");
    const codes = new Set(codon.body.data.flatMap((e) => e.molecularGroups as string[]));
    expect(codes.has("KRAS-G12D")).toBe(true);
    expect(codes.has("RAS")).toBe(false); // a RAS-level finding is never G12D evidence
    const g12d = codon.body.data.find((e) => (e.molecularGroups as string[]).includes("KRAS-G12D"))!;
    expect(g12d.groupMatch).toMatchObject({ requested: "KRAS-codon-12", reportedAs: ["KRAS-G12D"], reportedLevel: "allele" });
    const ras = await effects("?group=RAS&limit=1");
    const kras = await effects("?group=KRAS&limit=1");
    expect(ras.body.count).toBeGreaterThan(kras.body.count);
  });

  it("ORs values within a parameter and ANDs parameters", async () => {
    const a = await effects("?endpoint=OS");
    const b = await effects("?endpoint=PFS");
    const both = await effects("?endpoint=OS,PFS");
    expect(both.body.count).toBe(a.body.count + b.body.count);
    const narrowed = await effects("?endpoint=OS&study=ncch-scp-2024");
    expect(narrowed.body.count).toBeLessThan(a.body.count);
    expect(narrowed.body.data.every((e) => e.studyId === "ncch-scp-2024")).toBe(true);
  });

  it("filters by treatment, design and source level", async () => {
    const hai = await effects("?treatment=HAI-FUDR&limit=1000");
    expect(hai.body.count).toBeGreaterThan(0);
    // HAI-FUDR and the regimens that contain it (HAI floxuridine with mFOLFOX6).
    const within = new Set(["HAI-FUDR", "HAI-FUDR-mFOLFOX6"]);
    expect(hai.body.data.every((e) => within.has(e.treatment as string) || within.has(e.referenceTreatment as string))).toBe(true);
    const rct = await effects("?design=rct-phase3&sourceLevel=secondary&limit=1000");
    expect(rct.body.count).toBeGreaterThan(0);
    expect(rct.body.data.every((e) => e.sourceLevel === "secondary")).toBe(true);
  });

  it("understands q: allele spellings and synonyms", async () => {
    const spelled = await effects(`?q=${encodeURIComponent("p.Gly12Asp")}`);
    const code = await effects("?group=KRAS-G12D");
    expect(spelled.body.count).toBe(code.body.count);
    const zh = await effects(`?q=${encodeURIComponent("转化治疗")}`);
    expect(zh.body.data.every((e) => e.endpoint === "conversion")).toBe(true);
  });

  it("accepts every vocabulary value, also one with no records yet (an empty answer, not a 400)", async () => {
    const meta = await effects("?design=prospective-cohort");
    expect(meta.status).toBe(200);
    expect(meta.body.count).toBe(0);
    expect((await effects("?measure=mean")).status).toBe(200);
  });

  it("pages with limit and offset", async () => {
    const first = await effects("?limit=3&offset=0");
    const second = await effects("?limit=3&offset=3");
    expect(first.body.data.map((e) => e.id)).not.toEqual(second.body.data.map((e) => e.id));
  });

  it.each([
    ["?endpoint=NOPE", "endpoint", "OS"],
    ["?group=KRAS-G12Z", "group", "KRAS-G12D"],
    ["?measure=XX", "measure", "HR"],
    ["?design=cohort", "design", "retrospective-cohort"],
    ["?sourceLevel=tertiary", "sourceLevel", "secondary"],
    ["?study=nope", "study", "ncch-scp-2024"],
    ["?limit=0", "limit", "1 to 1000"],
    ["?limit=abc", "limit", "whole number"],
    ["?offset=-1", "offset", "whole number"],
    ["?colour=red", "colour", "endpoint"],
    [`?q=${"x".repeat(201)}`, "q", "200"],
  ])("answers %s with a 400 naming the parameter and what is allowed", async (query, parameter, allowed) => {
    const { status, body } = await effects(query);
    expect(status).toBe(400);
    expect(body.parameter).toBe(parameter);
    expect(`${body.error} ${body.allowed}`).toContain(allowed);
  });
});

describe("GET /api/studies and /api/studies/:id", () => {
  it("lists studies with citation fields", async () => {
    const res = await routes.studies.GET(new NextRequest("http://test/api/studies"));
    const body = (await res.json()) as { data: Record<string, unknown>[]; count: number };
    expect(res.status).toBe(200);
    const ncch = body.data.find((s) => s.id === "ncch-scp-2024");
    expect(ncch).toMatchObject({ shortName: "NCCH 2024", journal: "World J Surg Oncol", year: 2024, doi: "10.1186/s12957-024-03529-9", pmid: "39267117", n: 150, design: "retrospective-cohort" });
    for (const key of ["id", "shortName", "title", "authors", "journal", "year", "doi", "pmid", "design", "setting", "n", "sourceLevel", "flags"]) expect(ncch).toHaveProperty(key);
  });

  it("returns one study with its records, 404 for an unknown id and 400 for a malformed one", async () => {
    const ok = await routes.study.GET(new NextRequest("http://test/api/studies/become"), { params: Promise.resolve({ id: "become" }) });
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { data: { effects: unknown[] } };
    expect(body.data.effects.length).toBeGreaterThan(10);
    const missing = await routes.study.GET(new NextRequest("http://test/api/studies/nope"), { params: Promise.resolve({ id: "nope" }) });
    expect(missing.status).toBe(404);
    const bad = await routes.study.GET(new NextRequest("http://test/api/studies/..%2F"), { params: Promise.resolve({ id: "../etc" }) });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { parameter: string }).parameter).toBe("id");
  });
});

describe("GET /api/export", () => {
  it("exports the filtered view as CSV with one row per record", async () => {
    const res = await routes.exportRoute.GET(new NextRequest("http://test/api/export?format=csv&study=become&endpoint=r0-resection"));
    expect(res.status).toBe(200);
    const text = await res.text();
    const lines = text.trim().split("\n");
    const api = await effects("?study=become&endpoint=r0-resection&limit=1000");
    expect(lines.length - 1).toBe(api.body.count);
    expect(lines[0]).toContain("locator");
  });
  it("exports citations as RIS and BibTeX", async () => {
    const ris = await (await routes.exportRoute.GET(new NextRequest("http://test/api/export?format=ris&study=ncch-scp-2024"))).text();
    expect(ris).toContain("DO  - 10.1186/s12957-024-03529-9");
    const bib = await (await routes.exportRoute.GET(new NextRequest("http://test/api/export?format=bibtex&study=ncch-scp-2024"))).text();
    expect(bib).toContain("@article{");
    const bad = await routes.exportRoute.GET(new NextRequest("http://test/api/export?format=xls"));
    expect(bad.status).toBe(400);
  });
});

describe("treatments as a hierarchy", () => {
  it("a component finds every regimen that contains it: bevacizumab answers BECOME, OLIVIA, TRIBE and CAIRO5", async () => {
    const { body } = await effects("?treatment=bevacizumab&limit=1000");
    const studies = new Set(body.data.map((e) => e.studyId as string));
    for (const s of ["become", "olivia", "tribe", "cairo5"]) expect(studies.has(s), s).toBe(true);
  });
  it("a class finds its members: HAI includes Spectrum's HAI floxuridine records", async () => {
    const { body } = await effects("?treatment=HAI&limit=1000");
    expect(body.data.some((e) => e.studyId === "spectrum-hai-2022")).toBe(true);
  });
});

describe("GET /api/pool", () => {
  type Pool = { k: number; measure: string; estimate: number | null; ciLower: number; ciUpper: number; tau2: number; i2: number; included: string[]; inverted: string[]; excluded: { id: string; reason: string }[]; weights: { id: string; weight: number }[]; refused: string | null; method: string; ci: string; subgroups?: unknown[]; subgroupTest?: { q: number; df: number; p: number }; error?: string; parameter?: string; allowed?: string };
  const pool = async (query: string) => {
    const res = await routes.pool.GET(new NextRequest(`http://test/api/pool${query}`));
    return { status: res.status, body: (await res.json()) as Pool };
  };

  it("pools parenchymal-sparing vs anatomical hepatectomy on liver-only recurrence, and accounts for every record /api/effects answers", async () => {
    const { status, body } = await pool("?endpoint=recurrence-liver-only&comparison=parenchymal-sparing-hepatectomy:anatomical-hepatectomy&measure=OR");
    expect(status).toBe(200);
    expect(body).toMatchObject({ k: 2, measure: "OR", method: "REML", ci: "hksj", refused: null });
    expect(body.estimate).toBeGreaterThan(0.5);
    expect(body.estimate).toBeLessThan(1);
    const all = await effects("?endpoint=recurrence-liver-only&measure=OR&limit=1000");
    expect([...body.included, ...body.excluded.map((x) => x.id)].sort()).toEqual(all.body.data.map((e) => e.id as string).sort());
    expect(body.weights.reduce((s, w) => s + w.weight, 0)).toBeCloseTo(100, 6);
  });

  it("refuses to pool a single adjusted estimate and says why the others were set aside", async () => {
    const { body } = await pool("?endpoint=OS&group=RAS&comparison=RAS:RAS-wt");
    expect(body.k).toBe(1);
    expect(body.estimate).toBeNull();
    expect(body.refused).toMatch(/Only one usable estimate/);
    expect(body.excluded.find((x) => x.id === "vienna-phase2-kras/pa-os-kras-hr")?.reason).toMatch(/adjustment is not reported: not mixed with adjusted/);
    expect(body.excluded.some((x) => /only a p-value/.test(x.reason))).toBe(true);
  });

  it("takes the estimator, the interval and subgroups from the URL", async () => {
    const fe = await pool("?endpoint=ORR&group=KRAS&comparison=KRAS:KRAS-wt&method=DL&ci=wald&by=setting");
    expect(fe.body).toMatchObject({ method: "DL", ci: "wald", k: 2 });
    expect(fe.body.subgroups).toHaveLength(2);
    expect(fe.body.subgroupTest?.df).toBe(1);
  });

  it.each([
    ["?method=ML", "method", "REML, DL, PM, FE"],
    ["?ci=profile", "ci", "hksj, wald, hksj-truncated"],
    ["?by=country", "by", "level, setting, design"],
    ["?comparison=RAS", "comparison", "EXPOSURE:REFERENCE"],
    ["?analysis=adjusted", "analysis", "multivariable, univariable, randomised"],
  ])("answers %s with a 400 naming the parameter", async (query, parameter, allowed) => {
    const { status, body } = await pool(query);
    expect(status).toBe(400);
    expect(body.parameter).toBe(parameter);
    expect(body.allowed).toContain(allowed);
  });
});

describe("GET /api/sof", () => {
  const sof = async (query: string) => routes.sof.GET(new NextRequest(`http://test/api/sof${query}`));
  it("lists the questions", async () => {
    const body = (await (await sof("")).json()) as { data: { id: string }[] };
    expect(body.data.map((q) => q.id)).toContain("ras-hepatectomy");
  });
  it("answers a question's rows with every field a panel needs", async () => {
    const res = await sof("?question=ras-unresectable");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { rows: Record<string, unknown>[] };
    const row = body.rows.find((r) => r.outcome === "early-progression")!;
    for (const key of ["outcome", "importance", "studies", "participants", "effect", "absolute", "certainty", "startingLevel", "domains", "statement", "recordIds"]) expect(row, key).toHaveProperty(key);
    expect(Object.keys(row.domains as object).sort()).toEqual(["imprecision", "inconsistency", "indirectness", "publicationBias", "riskOfBias", "upgrades"]);
  });
  it("serves CSV and DOCX", async () => {
    const csv = await sof("?question=ras-unresectable&format=csv");
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const docx = await sof("?question=ras-unresectable&format=docx");
    expect(docx.headers.get("content-type")).toContain("wordprocessingml");
    expect((await docx.arrayBuffer()).byteLength).toBeGreaterThan(2000);
  });
  it.each([
    ["?question=nope", "question"],
    ["?question=ras-unresectable&format=pdf", "format"],
    ["?colour=red", "colour"],
  ])("answers %s with a 400 naming the parameter", async (query, parameter) => {
    const res = await sof(query);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { parameter: string }).parameter).toBe(parameter);
  });
});
