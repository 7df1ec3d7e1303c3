// Compare 2-4 studies for a journal club: an endpoint x study matrix of the key figures, beside it
// the differences that matter when reading them together (design, setting, population, arms,
// definitions, follow-up, source level). One figure is one entry: the printings of a figure in other
// places (a review's copy of a trial's figure, a conference report a later paper updates) are folded
// under the best source, with "also reported in …" and any disagreement. A molecular-population
// switch keeps only the arms and subgroup results of one population. The pickers are served on
// demand (findCompareOptions), bounded, never the whole list of studies.
import type { PrismaClient } from "../generated/prisma/client";
import type { EffectRecord, StudyRecord } from "../domain/records";
import type { StudyFacts } from "../domain/sentence";
import { findStudy } from "./find-studies";
import { compareHref } from "./compare-href";
import { descendantsOf, type AppVocabulary } from "./vocabulary";

export const MAX_COMPARE = 4;
const KIND_ORDER = { contrast: 0, arm: 1, frequency: 2, "p-only": 3, direction: 4 } as const;

/** How a folded copy relates to the entry's lead figure. */
export type CopyRelation = "same figure" | "earlier report";
export type FoldedCopy = { effect: EffectRecord; relation: CopyRelation; differs: boolean };
/** copyOf: the more direct printing this entry copies, where that sits under another endpoint (a review's "resection rate" that is the paper's R0 rate). */
export type CompareEntry = { lead: EffectRecord; copies: FoldedCopy[]; copyOf?: EffectRecord };
export type CompareCell = { studyId: string; entries: CompareEntry[]; recordCount: number };
export type CompareRow = { endpoint: string; label: string; cells: CompareCell[]; definitionNotes: string[] };
export type Difference = { label: string; values: string[] };
export type PopulationOption = { code: string; label: string; description: string; count: number; selected: boolean };
export type Comparison = {
  studies: StudyRecord[];
  rows: CompareRow[];
  differences: Difference[];
  populations: PopulationOption[];
  population: string;
  /** The export's filters for exactly this view (studies, the endpoints shown, the population's groups). */
  exportQuery: string;
  /** Every record shown (leads and folded copies): the citations of the view. */
  effects: EffectRecord[];
};

/**
 * The molecular populations a journal club reads separately. A population keeps the records reported
 * at one of its groups or below (a RAS-level result is RAS-mutant evidence; an all-comers result is
 * not). CAIRO5's arms A/B mix RAS- and BRAF-mutant (and right-sided wild-type) patients, so they are
 * not "RAS-mutant only" but have their own, wider, choice.
 */
export const POPULATIONS: { code: string; label: string; description: string; groups: string[] | null }[] = [
  { code: "all", label: "All populations", description: "every arm and subgroup", groups: null },
  { code: "RAS", label: "RAS-mutant only", description: "RAS-mutant arms and RAS-mutant subgroup results (KRAS, NRAS, codons, alleles)", groups: ["RAS"] },
  {
    code: "RAS-or-mixed",
    label: "RAS-mutant, with mixed RAS/BRAF populations",
    description: "as RAS-mutant only, plus populations that combine RAS- and BRAF-mutant patients",
    groups: ["RAS", "RAS-BRAF-mt"],
  },
  { code: "wild-type", label: "RAS wild-type", description: "RAS or KRAS wild-type arms and subgroups", groups: ["RAS-wt", "KRAS-wt"] },
  { code: "unselected", label: "Not selected by RAS", description: "all-comers results, not split by RAS status", groups: ["unselected"] },
];

export function populationCodes(vocab: AppVocabulary, population: string): Set<string> | null {
  const p = POPULATIONS.find((x) => x.code === population);
  if (!p?.groups) return null;
  return new Set(p.groups.flatMap((g) => descendantsOf(vocab.groups, g)));
}

export const rankOf = (vocab: AppVocabulary) => {
  const ranks = new Map(vocab.sourceLevels.map((l, i) => [l.code, i]));
  return (level: string) => ranks.get(level) ?? ranks.size;
};

/** True when report a supersedes report b in the study's report list (a later paper updating a congress abstract). */
function updates(study: StudyRecord, a: string | null, b: string | null): boolean {
  const byId = new Map(study.reports.map((r) => [r.id, r]));
  const seen = new Set<string>();
  let at = a ? byId.get(a) : undefined;
  while (at && !seen.has(at.id)) {
    seen.add(at.id);
    if (at.updates === (b ?? "citation")) return true;
    at = at.updates ? byId.get(at.updates) : undefined;
  }
  return false;
}

const pNumber = (p: string | null) => {
  const m = p ? /([<>=≤≥]?)\s*(\d*\.?\d+)/.exec(p.replace(/^p\s*/i, "")) : null;
  return m ? `${m[1]}${Number(m[2])}` : null;
};
const digits = (t: string | null) => (t === null ? null : Number(t.replace("−", "-").replace(/[^\d.-]/g, "")));

/**
 * Whether a copy prints the lead's figure: the same value (read as a number: "0.90" is "0.9") and,
 * where both print them, the same interval and p. A copy that leaves the CI out is the same figure
 * printed with less; one with another value, interval or p disagrees and is shown beside the lead.
 */
export function samePrinting(a: EffectRecord, b: EffectRecord): boolean {
  if (a.kind !== b.kind || a.measure !== b.measure) return false;
  if (digits(a.valueText) !== digits(b.valueText)) return false;
  for (const [x, y] of [[a.ciLowerText, b.ciLowerText], [a.ciUpperText, b.ciUpperText]] as const) if (x !== null && y !== null && digits(x) !== digits(y)) return false;
  const [pa, pb] = [pNumber(a.p), pNumber(b.p)];
  if (pa !== null && pb !== null && pa !== pb) return false;
  if (a.kind === "p-only" && pa !== pb) return false;
  if (a.events !== null && b.events !== null && (a.events !== b.events || a.total !== b.total)) return false;
  return true;
}

/**
 * Folds the printings of one figure into one entry. Records are linked by sameAs (the build checks
 * that linked records report the same quantity) and by report-update flags. The lead is the latest
 * report where one updates another, else the most direct source level, a printed figure before a
 * computed one.
 */
export function foldPrintings(effects: EffectRecord[], study: StudyRecord, rank: (level: string) => number, all: EffectRecord[] = effects): CompareEntry[] {
  const parent = new Map(effects.map((e) => [e.id, e.id]));
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    return root;
  };
  const link = (a: string, b: string | null) => {
    if (b && parent.has(a) && parent.has(b)) parent.set(find(a), find(b));
  };
  for (const e of effects) {
    link(e.id, e.sameAs);
    for (const f of e.flags) if (f.code === "report-update") link(e.id, f.otherEffectId);
  }
  const groups = new Map<string, EffectRecord[]>();
  for (const e of effects) groups.set(find(e.id), [...(groups.get(find(e.id)) ?? []), e]);
  const before = (a: EffectRecord, b: EffectRecord) => {
    if (a.report !== b.report && updates(study, a.report, b.report)) return -1;
    if (a.report !== b.report && updates(study, b.report, a.report)) return 1;
    return rank(a.sourceLevel) - rank(b.sourceLevel) || Number(a.computed) - Number(b.computed) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
  };
  const entries: CompareEntry[] = [];
  for (const members of groups.values()) {
    const [lead, ...rest] = [...members].sort(before);
    const elsewhere = members.map((m) => all.find((x) => x.id === m.sameAs && !parent.has(x.id))).find((x) => x && rank(x.sourceLevel) < rank(lead!.sourceLevel));
    entries.push({
      ...(elsewhere ? { copyOf: elsewhere } : {}),
      lead: lead!,
      copies: rest.map((c) => ({
        effect: c,
        relation: c.report !== lead!.report && updates(study, lead!.report, c.report) ? "earlier report" : "same figure",
        differs: !samePrinting(lead!, c),
      })),
    });
  }
  // Printed figures before computed ones; contrasts, then arms, then p-only and direction; then as the study lists them.
  const order = new Map(effects.map((e, i) => [e.id, i]));
  return entries.sort((a, b) => Number(a.lead.computed) - Number(b.lead.computed) || KIND_ORDER[a.lead.kind] - KIND_ORDER[b.lead.kind] || order.get(a.lead.id)! - order.get(b.lead.id)!);
}

export async function compareStudies(db: PrismaClient, vocab: AppVocabulary, studyIds: string[], endpoints: string[], population = "all"): Promise<Comparison> {
  const loaded = (await Promise.all(studyIds.slice(0, MAX_COMPARE).map((id) => findStudy(db, id)))).filter((s): s is NonNullable<typeof s> => s !== null);
  const rank = rankOf(vocab);
  // By default every outcome, plus allele spectra (studies are often compared on them).
  const wanted = (e: EffectRecord) => (endpoints.length ? endpoints.includes(e.endpoint) : e.endpointRole !== "descriptive" || e.endpoint === "mutation-frequency");
  const inPopulation = (codes: Set<string> | null) => (e: EffectRecord) => codes === null || e.molecularGroups.some((g) => codes.has(g));

  const candidates = loaded.flatMap((s) => s.effects.filter(wanted));
  const populations: PopulationOption[] = POPULATIONS.filter((p) => p.groups === null || p.groups.some((g) => vocab.groups.some((v) => v.code === g))).map((p) => ({
    code: p.code,
    label: p.label,
    description: p.description,
    count: candidates.filter(inPopulation(populationCodes(vocab, p.code))).length,
    selected: p.code === population,
  }));
  const chosenPopulation = populations.some((p) => p.code === population) ? population : "all";
  const keep = inPopulation(populationCodes(vocab, chosenPopulation));

  const rows: CompareRow[] = [];
  const shown: EffectRecord[] = [];
  for (const ep of vocab.endpoints) {
    const cells = loaded.map((s) => {
      const effects = s.effects.filter((e) => e.endpoint === ep.code && wanted(e) && keep(e));
      shown.push(...effects);
      return { studyId: s.id, entries: foldPrintings(effects, s, rank, s.effects), recordCount: effects.length };
    });
    if (cells.every((c) => c.recordCount === 0)) continue;
    const definitionNotes = [
      ...new Set(
        cells.flatMap((c) =>
          c.entries
            .map((x) => x.lead)
            .filter((e) => e.note && /RECIST|WHO|defin|criteria|≤|within \d+ months|R0|secondary resectab|competing/i.test(e.note))
            .map((e) => `${e.studyShortName}: ${e.note}`),
        ),
      ),
    ].slice(0, 6);
    rows.push({ endpoint: ep.code, label: ep.label, cells, definitionNotes });
  }
  const groupLabel = (c: string | null) => (c ? (vocab.groups.find((g) => g.code === c)?.label ?? c) : null);
  const treatmentLabel = (c: string | null) => (c ? (vocab.treatments.find((t) => t.code === c)?.label ?? c) : null);
  // The vocabularies' labels and the connecting words in the interface's language (the values themselves are content).
  const zh = vocab.locale === "zh";
  const notStated = zh ? "未说明" : "not stated";
  const [list, semi] = zh ? ["、", "；"] : [", ", "; "];
  const differences: Difference[] = [
    { label: "Design", values: loaded.map((s) => vocab.labels.design[s.design] ?? s.designLabel) },
    { label: "Setting", values: loaded.map((s) => s.setting ?? notStated) },
    { label: "Population (molecular)", values: loaded.map((s) => [...new Set(s.arms.map((a) => groupLabel(a.molecularGroup)).filter(Boolean))].join(list) || [...new Set(s.effects.flatMap((e) => e.molecularGroups).map(groupLabel))].slice(0, 3).join(list)) },
    { label: "N", values: loaded.map((s) => (s.n !== null ? String(s.n) : notStated)) },
    { label: "Arms (n)", values: loaded.map((s) => s.arms.map((a) => `${a.label}${a.n !== null ? ` (${a.n})` : ""}${a.treatment ? ` — ${treatmentLabel(a.treatment)}` : ""}`).join(semi) || "—") },
    { label: "Enrolment", values: loaded.map((s) => s.enrolment ?? notStated) },
    { label: "Follow-up", values: loaded.map((s) => s.followUp ?? notStated) },
    { label: "Source levels", values: loaded.map((s) => s.sourceLevels.map((l) => vocab.labels.sourceLevel[l] ?? l).join(semi)) },
  ];

  const exportParams = new URLSearchParams();
  for (const s of loaded) exportParams.append("study", s.id);
  for (const r of rows) exportParams.append("endpoint", r.endpoint);
  for (const g of POPULATIONS.find((p) => p.code === chosenPopulation)?.groups ?? []) if (vocab.groups.some((v) => v.code === g)) exportParams.append("group", g);
  return { studies: loaded, rows, differences, populations, population: chosenPopulation, exportQuery: exportParams.toString(), effects: shown };
}

/** The compare page's URL for a state (the URL is the state). */
export { compareHref };

export type CompareOption = { kind: "study" | "endpoint"; code: string; label: string; detail: string; count: number; href: string };
export const MAX_OPTIONS = 12;

const fold = (s: string) => s.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "");

/**
 * Studies or endpoints to add to a comparison, matching q (name, id, first author, year; an
 * endpoint's label, code or synonyms), at most MAX_OPTIONS, each with its record count. Without q:
 * the studies that share endpoints with the chosen ones (most records first), or the endpoints the
 * chosen studies report. Every query is bounded by the options returned or by the chosen studies.
 */
export async function findCompareOptions(
  db: PrismaClient,
  vocab: AppVocabulary,
  input: { kind: "study" | "endpoint"; q: string; studies: string[]; endpoints: string[]; population: string },
): Promise<CompareOption[]> {
  const q = fold(input.q.trim());
  const state = { studies: input.studies, endpoints: input.endpoints, population: input.population };
  if (input.kind === "study") {
    if (input.studies.length >= MAX_COMPARE) return [];
    let ids: string[];
    if (q) {
      const words = q.split(/\s+/).filter(Boolean);
      ids = vocab.studies
        .filter((s) => !input.studies.includes(s.id))
        .filter((s) => {
          const text = fold(`${s.shortName} ${s.id} ${s.authors.join(" ")} ${s.year ?? ""}`);
          return words.every((w) => text.includes(w));
        })
        .slice(0, MAX_OPTIONS)
        .map((s) => s.id);
    } else {
      const shared = input.studies.length
        ? (await db.effect.groupBy({ by: ["endpointCode"], where: { studyId: { in: input.studies } } })).map((r) => r.endpointCode)
        : null;
      const top = await db.effect.groupBy({
        by: ["studyId"],
        where: { studyId: { notIn: input.studies }, ...(shared ? { endpointCode: { in: shared } } : {}) },
        _count: { _all: true },
        orderBy: { _count: { studyId: "desc" } },
        take: MAX_OPTIONS,
      });
      ids = top.map((r) => r.studyId);
    }
    if (ids.length === 0) return [];
    const [rows, counts] = await Promise.all([
      db.study.findMany({ where: { id: { in: ids } }, select: { id: true, shortName: true, year: true, n: true, authors: true, designInfo: { select: { label: true } } } }),
      db.effect.groupBy({ by: ["studyId"], where: { studyId: { in: ids } }, _count: { _all: true } }),
    ]);
    const countOf = new Map(counts.map((c) => [c.studyId, c._count._all]));
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const s = byId.get(id);
      if (!s) return [];
      const first = (JSON.parse(s.authors) as string[])[0]?.split(" ")[0];
      const count = countOf.get(id) ?? 0;
      return [
        {
          kind: "study" as const,
          code: id,
          label: s.shortName,
          detail: [first && s.year ? `${first} ${s.year}` : s.year, s.designInfo.label, s.n !== null ? `N ${s.n}` : "N not reported", `${count} records`].filter(Boolean).join(" · "),
          count,
          href: compareHref({ ...state, studies: [...input.studies, id] }),
        },
      ];
    });
  }
  // Endpoints: those the chosen studies report (all endpoints with records when none is chosen yet).
  const counts = await db.effect.groupBy({ by: ["endpointCode"], where: input.studies.length ? { studyId: { in: input.studies } } : {}, _count: { _all: true } });
  const countOf = new Map(counts.map((c) => [c.endpointCode, c._count._all]));
  return vocab.endpoints
    .filter((e) => (countOf.get(e.code) ?? 0) > 0 && !input.endpoints.includes(e.code))
    .filter((e) => !q || q.split(/\s+/).every((w) => fold(`${e.label} ${e.code} ${e.synonyms.join(" ")}`).includes(w)))
    .sort((a, b) => (q ? 0 : (countOf.get(b.code) ?? 0) - (countOf.get(a.code) ?? 0)))
    .slice(0, MAX_OPTIONS)
    .map((e) => ({
      kind: "endpoint" as const,
      code: e.code,
      label: e.label,
      detail: `${countOf.get(e.code)} records${input.studies.length ? " in the chosen studies" : ""}`,
      count: countOf.get(e.code) ?? 0,
      href: compareHref({ ...state, endpoints: [...input.endpoints, e.code] }),
    }));
}

/** Study size, design and arms for the record rows: one query for the studies on a page (chunked below SQLite's bound-value limit). */
export async function findStudyFacts(db: PrismaClient, ids: string[]): Promise<StudyFacts[]> {
  const unique = [...new Set(ids)];
  const out: StudyFacts[] = [];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db.study.findMany({
      where: { id: { in: unique.slice(i, i + 500) } },
      select: { id: true, n: true, design: true, designInfo: { select: { label: true } }, arms: { orderBy: { sortOrder: "asc" }, select: { armKey: true, label: true, n: true, molecularGroup: true, treatment: true } } },
    });
    for (const r of rows)
      out.push({ id: r.id, n: r.n, designLabel: r.designInfo.label, design: r.design, arms: r.arms.map((a) => ({ id: a.armKey, label: a.label, n: a.n, molecularGroup: a.molecularGroup, treatment: a.treatment })) });
  }
  return out;
}
