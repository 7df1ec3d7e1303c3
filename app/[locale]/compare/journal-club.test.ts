// A journal club's comparison, against a database built from the curated content through the app's
// build path: one entry per figure (review copies and earlier reports folded under the best source),
// the molecular-population switch, and citations that a reference manager imports: the RIS of the
// view read back with citation-js (a maintained RIS parser), titles, authors, years and every DOI.
import { beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { Cite } from "@citation-js/core";
import "@citation-js/plugin-ris";
import "@citation-js/plugin-bibtex";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { buildTestDatabase } from "@/lib/testing/build-test-db";
import { openDatabase } from "@/lib/db/open";
import { loadVocabulary, type AppVocabulary } from "@/lib/data/vocabulary";
import { getDatasetMeta } from "@/lib/data/dataset-meta";
import { findStudies } from "@/lib/data/find-studies";
import { compareStudies, findCompareOptions, findStudyFacts, MAX_OPTIONS, type Comparison } from "@/lib/data/compare";
import { publicationsOf, type Publication } from "@/lib/domain/citations";

const JOURNAL_CLUB = ["become", "cairo5", "tribe", "olivia"];

type Csl = { title?: string; author?: { given?: string; family?: string; literal?: string }[]; DOI?: string; issued?: { "date-parts"?: number[][] } };

let db: PrismaClient;
let vocab: AppVocabulary;
let exportRoute: typeof import("../../api/export/route");
let comparison: Comparison;

beforeAll(async () => {
  process.env.EVIDENCE_DB = await buildTestDatabase();
  db = openDatabase(process.env.EVIDENCE_DB);
  vocab = await loadVocabulary(db);
  exportRoute = await import("../../api/export/route");
  comparison = await compareStudies(db, vocab, JOURNAL_CLUB, []);
}, 120_000);

const exportText = async (query: string) => {
  const res = await exportRoute.GET(new NextRequest(`http://test/api/export?${query}`));
  expect(res.status).toBe(200);
  return res.text();
};
const parseRis = async (text: string) => (await Cite.async(text, { forceType: "@ris/file" })).data as Csl[];
const parseBibtex = async (text: string) => (await Cite.async(text, { forceType: "@biblatex/text" })).data as Csl[];
const nameOf = (a: NonNullable<Csl["author"]>[number]) => a.literal ?? [a.family, a.given].filter(Boolean).join(" ");
const allEntries = (c: Comparison) => c.rows.flatMap((r) => r.cells.flatMap((cell) => cell.entries));

/** Every publication the view uses, as the database holds them (the expected side). */
async function expectedPublications(query: URLSearchParams): Promise<Publication[]> {
  const studyIds = query.getAll("study");
  const studies = await findStudies(db, studyIds);
  const effects = await db.effect.findMany({
    where: { studyId: { in: studyIds }, ...(query.getAll("endpoint").length ? { endpointCode: { in: query.getAll("endpoint") } } : {}) },
    select: { document: true, sourceLevel: true },
  });
  return publicationsOf(studies, effects, (await getDatasetMeta(db)).citingDocuments);
}

describe("citations of a journal-club view import into a reference manager", () => {
  it("RIS: every publication read back with its title, authors, year and DOI", async () => {
    const query = new URLSearchParams(JOURNAL_CLUB.map((s) => ["study", s]));
    const parsed = await parseRis(await exportText(`format=ris&${query}`));
    const expected = await expectedPublications(query);
    expect(parsed).toHaveLength(expected.length);
    // Studies, their other reports, and the Chinese review whose second-hand figures the view uses.
    expect(expected.length).toBeGreaterThan(JOURNAL_CLUB.length);
    for (const [i, p] of expected.entries()) {
      const r = parsed[i]!;
      expect(r.title, p.key).toBe(p.title ?? p.name);
      expect((r.author ?? []).map(nameOf), `${p.key}: authors`).toEqual(p.authors);
      if (p.year) expect(r.issued?.["date-parts"]?.[0]?.[0], `${p.key}: year`).toBe(p.year);
      expect(r.DOI ?? null, `${p.key}: DOI`).toBe(p.doi);
    }
    const dois = parsed.map((r) => r.DOI).filter(Boolean);
    for (const doi of ["10.1200/JCO.20.00174", "10.1016/S1470-2045(23)00219-X", "10.1056/NEJMoa1403108", "10.1093/annonc/mdu580"]) expect(dois).toContain(doi);
    // No acronym-only titles: each title says what the publication is.
    for (const r of parsed) expect(r.title!.length, r.title).toBeGreaterThan(12);
  });

  // RIS wants "Surname, Initials"; "Peng JH" would be read as one literal name (citation-js) or as
  // surname "JH" (Zotero's RIS import).
  it("RIS authors carry a surname a reference manager can split off", async () => {
    const parsed = await parseRis(await exportText("format=ris&study=become"));
    for (const r of parsed) for (const a of r.author ?? []) expect(a.family, JSON.stringify(a)).toBeTruthy();
  });

  it("names the Chinese review when its figures are in the view, and not otherwise", async () => {
    const withReview = await parseRis(await exportText("format=ris&study=become&study=tribe"));
    expect(withReview.some((r) => /RAS突变型结直肠癌肝转移转化治疗/.test(r.title ?? ""))).toBe(true);
    const primaryOnly = await parseRis(await exportText("format=ris&study=ncch-scp-2024&endpoint=SCP"));
    expect(primaryOnly.some((r) => /RAS突变型/.test(r.title ?? ""))).toBe(false);
  });

  it("the compare page's own export links carry exactly the studies, endpoints and population shown", async () => {
    const ras = await compareStudies(db, vocab, JOURNAL_CLUB, [], "RAS-or-mixed");
    const q = new URLSearchParams(ras.exportQuery);
    expect(q.getAll("study")).toEqual(JOURNAL_CLUB);
    expect(q.getAll("endpoint")).toEqual(ras.rows.map((r) => r.endpoint));
    expect(q.getAll("group")).toEqual(["RAS", "RAS-BRAF-mt"]);
    const ris = await parseRis(await exportText(`format=ris&${ras.exportQuery}`));
    const cited = ras.studies.filter((st) => ras.effects.some((e) => e.studyId === st.id));
    expect(cited.map((st) => st.id)).toEqual(["become", "cairo5"]);
    const listed = publicationsOf(cited, ras.effects, (await getDatasetMeta(db)).citingDocuments);
    expect(ris.map((r) => r.title)).toEqual(listed.map((p) => p.title ?? p.name));
  });

  it("BibTeX of the same view reads back with the same DOIs", async () => {
    const query = new URLSearchParams(JOURNAL_CLUB.map((s) => ["study", s]));
    const bib = await parseBibtex(await exportText(`format=bibtex&${query}`));
    const ris = await parseRis(await exportText(`format=ris&${query}`));
    expect(bib.map((r) => r.DOI ?? null).sort()).toEqual(ris.map((r) => r.DOI ?? null).sort());
  });
});

describe("one entry per figure", () => {
  it("folds the review's copy of a BECOME figure under the primary report", async () => {
    const entry = allEntries(comparison).find((x) => x.lead.id === "become/os-arm-a");
    expect(entry).toBeDefined();
    expect(entry!.lead.sourceLevel).not.toBe("secondary");
    expect(entry!.copies.map((c) => c.effect.id)).toContain("become/rev-os-arm-a");
    expect(entry!.copies[0]!.relation).toBe("same figure");
    // No review copy stands as an entry of its own.
    expect(allEntries(comparison).some((x) => x.lead.id === "become/rev-os-arm-a")).toBe(false);
  });

  it("leads CAIRO5's overall survival with the final paper and folds the congress abstract it updates", async () => {
    const entry = allEntries(comparison).find((x) => x.lead.id === "cairo5/os-final-hr-ab" || x.copies.some((c) => c.effect.id === "cairo5/os-final-hr-ab"));
    expect(entry!.lead.id).toBe("cairo5/os-final-hr-ab");
    const lba = entry!.copies.find((c) => c.effect.id === "cairo5/os-lba27-hr-ab")!;
    expect(lba).toMatchObject({ relation: "earlier report", differs: true });
  });

  it("shows a copy's figure only where it disagrees: a p printed .03 and 0.031 differ, a median printed without its CI does not", () => {
    const copyOf = (id: string) => allEntries(comparison).flatMap((x) => x.copies).find((c) => c.effect.id === id)!;
    expect(copyOf("become/rev-os-p").differs).toBe(true);
    expect(copyOf("olivia/rev-pfs-folfoxiri-bev").differs).toBe(false);
    expect(copyOf("become/rev-os-arm-a").differs).toBe(false);
  });

  it("says when a second-hand figure copies a printing filed under another endpoint", async () => {
    const c = await compareStudies(db, vocab, ["become", "tribe"], ["resection", "r0-resection"]);
    const copy = allEntries(c).find((x) => x.lead.id === "become/rev-resection-arm-a");
    expect(copy?.copyOf?.id).toBe("become/r0-arm-a");
    expect(allEntries(c).find((x) => x.lead.id === "become/r0-arm-a")?.copyOf).toBeUndefined();
  });

  it("keeps every record of the view: leads and copies add up to the records", () => {
    for (const row of comparison.rows)
      for (const cell of row.cells) expect(cell.entries.reduce((n, x) => n + 1 + x.copies.length, 0), `${row.endpoint} ${cell.studyId}`).toBe(cell.recordCount);
  });
});

describe("the molecular-population switch", () => {
  it("keeps only RAS-mutant arms and subgroup results, and says how many each choice has", async () => {
    const ras = await compareStudies(db, vocab, JOURNAL_CLUB, [], "RAS");
    const rasCodes = new Set(vocab.groups.filter((g) => g.path.startsWith("/RAS/")).map((g) => g.code));
    expect(ras.effects.length).toBeGreaterThan(0);
    for (const e of ras.effects) expect(e.molecularGroups.some((g) => rasCodes.has(g)), e.id).toBe(true);
    const options = Object.fromEntries(ras.populations.map((p) => [p.code, p.count]));
    expect(options.RAS).toBe(ras.effects.length);
    expect(options["RAS-or-mixed"]).toBeGreaterThan(options.RAS!);
    expect(options.all).toBe(comparison.effects.length);
    expect(ras.populations.find((p) => p.selected)?.code).toBe("RAS");
  });

  it("falls back to all populations for an unknown choice", async () => {
    expect((await compareStudies(db, vocab, JOURNAL_CLUB, [], "nonsense")).population).toBe("all");
  });
});

describe("pickers served on demand", () => {
  it("finds studies by name, first author or year, at most a dozen, without the chosen ones", async () => {
    const byName = await findCompareOptions(db, vocab, { kind: "study", q: "tribe", studies: ["become"], endpoints: [], population: "all" });
    expect(byName[0]).toMatchObject({ code: "tribe", href: "/compare?studies=become&studies=tribe" });
    expect(byName[0]!.detail).toMatch(/N 508/);
    const byAuthor = await findCompareOptions(db, vocab, { kind: "study", q: "Kolbeinsson", studies: [], endpoints: [], population: "all" });
    expect(byAuthor.map((o) => o.code)).toContain("spectrum-hai-2022");
    const open = await findCompareOptions(db, vocab, { kind: "study", q: "", studies: ["become"], endpoints: [], population: "all" });
    expect(open.length).toBeLessThanOrEqual(MAX_OPTIONS);
    expect(open.map((o) => o.code)).not.toContain("become");
  });

  it("offers only the endpoints the chosen studies report", async () => {
    const options = await findCompareOptions(db, vocab, { kind: "endpoint", q: "", studies: ["become", "tribe"], endpoints: ["OS"], population: "RAS" });
    expect(options.length).toBeGreaterThan(0);
    expect(options.map((o) => o.code)).not.toContain("OS");
    for (const o of options) expect(o.count).toBeGreaterThan(0);
    expect(options[0]!.href).toMatch(/^\/compare\?studies=become&studies=tribe&endpoint=OS&endpoint=.+&population=RAS$/);
  });
});

describe("study facts for the record rows", () => {
  it("reads N, design and arms for the studies asked, in one answer", async () => {
    const facts = await findStudyFacts(db, ["ncch-scp-2024", "become", "ncch-scp-2024", "no-such-study"]);
    expect(facts.map((f) => f.id).sort()).toEqual(["become", "ncch-scp-2024"]);
    expect(facts.find((f) => f.id === "ncch-scp-2024")).toMatchObject({ n: 150, designLabel: "Retrospective cohort" });
  });
});
