// The rows a built dataset becomes, table by table, typed by the Prisma schema (one type per model,
// generated from prisma/schema.prisma). lib/db/write.ts writes them through Prisma Client; the
// benchmark inserts the same rows with raw better-sqlite3 statements to measure the writer against.
// Rows are produced in batches, so the whole table never sits in memory twice.
import type { Prisma } from "../generated/prisma/client";
import type { ContentSet } from "../content/load";
import type { BuiltDataset } from "../build/dataset";
import type { CheckFlag } from "../checks/types";
import { renderFlagText } from "../checks/flag-text";
import { searchTextFor } from "../domain/search-text";
import { comparisonKey } from "../build/comparisons";
import { parsePrintedP } from "../content/printed";

const json = (v: unknown) => JSON.stringify(v);

/**
 * Every treatment a record's comparison names (both arms), each with its ancestors: filtering by a
 * treatment then keeps both arms of a comparison that involves it (FOLFOXIRI + bev vs doublet + bev
 * shows the doublet arm), and a regimen stands also for what it is made of and the classes it
 * belongs to (bevacizumab finds FOLFOX + bevacizumab, FOLFOXIRI + bevacizumab, doublet + bevacizumab …).
 */
export function comparisonTreatments(effects: BuiltDataset["effects"], parents: Map<string, string[]> = new Map()): Map<string, string[]> {
  const ancestry = new Map<string, string[]>();
  const withAncestors = (code: string): string[] => {
    const known = ancestry.get(code);
    if (known) return known;
    const seen = new Set<string>();
    const stack = [code];
    while (stack.length) {
      const at = stack.pop()!;
      if (seen.has(at)) continue;
      seen.add(at);
      stack.push(...(parents.get(at) ?? []));
    }
    const list = [...seen];
    ancestry.set(code, list);
    return list;
  };
  const byComparison = new Map<string, Set<string>>();
  for (const e of effects) {
    const k = comparisonKey(e);
    if (!k) continue;
    const set = byComparison.get(k) ?? new Set<string>();
    for (const t of [e.treatment, e.referenceTreatment]) if (t) withAncestors(t).forEach((a) => set.add(a));
    byComparison.set(k, set);
  }
  const out = new Map<string, string[]>();
  for (const e of effects) {
    const k = comparisonKey(e);
    const own = [e.treatment, e.referenceTreatment].filter((t): t is string => Boolean(t)).flatMap(withAncestors);
    out.set(e.id, [...new Set([...own, ...(k ? (byComparison.get(k) ?? []) : [])])].sort());
  }
  return out;
}

/** "/RAS/KRAS/KRAS-codon-12/KRAS-G12D/" per molecular group: a descendant's path starts with its ancestor's. */
export function groupPaths(vocab: ContentSet["vocab"]): Map<string, string> {
  const parent = new Map(vocab.molecularGroups.map((g) => [g.code, g.parent]));
  const paths = new Map<string, string>();
  for (const g of vocab.molecularGroups) {
    const chain: string[] = [];
    // The vocabulary is checked for cycles before a build; the visited test keeps this loop finite regardless.
    let cur: string | null | undefined = g.code;
    while (cur && !chain.includes(cur)) {
      chain.unshift(cur);
      cur = parent.get(cur) ?? null;
    }
    paths.set(g.code, `/${chain.join("/")}/`);
  }
  return paths;
}

/**
 * The flags the integrity list shows: every flag once, and of a pair of records that disagree (a flag
 * on each side) the more severe side, errors before warnings before notes.
 */
export function listedFlags(flags: CheckFlag[]): boolean[] {
  const rank: Record<string, number> = { error: 0, warning: 1, note: 2 };
  const order = flags.map((f, i) => ({ f, i }));
  order.sort((a, b) => (a.f.code < b.f.code ? -1 : a.f.code > b.f.code ? 1 : (rank[a.f.severity] ?? 3) - (rank[b.f.severity] ?? 3) || a.i - b.i));
  const listed = flags.map(() => true);
  const seen = new Set<string>();
  for (const { f, i } of order) {
    if (!f.effectId || !f.otherEffectId) continue;
    const key = [f.code, ...[f.effectId, f.otherEffectId].sort()].join("|");
    if (seen.has(key)) listed[i] = false;
    seen.add(key);
  }
  return listed;
}

export type TableRows = {
  endpoints: Prisma.EndpointCreateManyInput[];
  treatments: Prisma.TreatmentCreateManyInput[];
  questions: Prisma.QuestionCreateManyInput[];
  riskOfBias: Prisma.RiskOfBiasCreateManyInput[];
  molecularGroups: Prisma.MolecularGroupCreateManyInput[];
  designs: Prisma.DesignCreateManyInput[];
  sourceLevels: Prisma.SourceLevelCreateManyInput[];
  studies: Prisma.StudyCreateManyInput[];
  arms: Prisma.ArmCreateManyInput[];
  /** Records in browse order (ascending browseKey: the table's rowid, appended in order). */
  effects: (size: number) => Generator<Prisma.EffectCreateManyInput[]>;
  effectMolecularGroups: (size: number) => Generator<Prisma.EffectMolecularGroupCreateManyInput[]>;
  effectGroupPaths: (size: number) => Generator<Prisma.EffectGroupPathCreateManyInput[]>;
  effectTreatments: (size: number) => Generator<Prisma.EffectTreatmentCreateManyInput[]>;
  flags: (size: number) => Generator<Prisma.FlagCreateManyInput[]>;
  datasetMeta: Prisma.DatasetMetaCreateManyInput[];
};

/** In batches of `size`. */
function* batches<T, R>(items: readonly T[], size: number, map: (item: T, index: number) => R | R[]): Generator<R[]> {
  let batch: R[] = [];
  for (let i = 0; i < items.length; i++) {
    const r = map(items[i]!, i);
    if (Array.isArray(r)) batch.push(...r);
    else batch.push(r);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

export function databaseRows(content: ContentSet, dataset: BuiltDataset): TableRows {
  const { vocab } = content;
  const paths = groupPaths(vocab);
  const studyById = new Map(dataset.studies.map((s) => [s.id, s]));
  const treatments = comparisonTreatments(dataset.effects, new Map(vocab.treatments.map((t) => [t.code, t.parents])));
  // Browse order: endpoint (vocabulary order), then the dataset's order (study order, then the study's own).
  const endpointRank = new Map(vocab.endpoints.map((e, i) => [e.code, i]));
  const inBrowseOrder = dataset.effects.map((e, i) => ({ e, i })).sort((a, b) => (endpointRank.get(a.e.endpoint) ?? 1e9) - (endpointRank.get(b.e.endpoint) ?? 1e9) || a.i - b.i);
  const browseKey = new Map<string, number>();
  inBrowseOrder.forEach(({ e }, k) => browseKey.set(e.id, k + 1));
  const flagged = new Set(dataset.checkFlags.flatMap((f) => (f.effectId ? [f.effectId] : [])));
  const ancestors = new Map([...paths].map(([code, path]) => [code, path.split("/").filter(Boolean)]));
  const listed = listedFlags(dataset.checkFlags);
  const endpointsZh = Object.fromEntries(vocab.endpoints.flatMap((e) => (e.labelZh ? [[e.code, e.labelZh]] : [])));
  const inChinese = (f: CheckFlag) => ({
    summaryZh: renderFlagText(f.text.summary, "zh", endpointsZh),
    messageZh: renderFlagText(f.text.message, "zh", endpointsZh),
    expectedZh: f.text.expected === null ? null : renderFlagText(f.text.expected, "zh", endpointsZh),
  });

  return {
    endpoints: vocab.endpoints.map((e, i) => ({ code: e.code, role: e.role, label: e.label, labelZh: e.labelZh, definition: e.definition, synonyms: json(e.synonyms), sortOrder: i })),
    treatments: vocab.treatments.map((t, i) => ({ code: t.code, label: t.label, labelZh: t.labelZh, class: t.class, parents: json(t.parents), synonyms: json(t.synonyms), sortOrder: i })),
    questions: content.questions.map((q, i) => ({ id: q.id, title: q.title, kind: q.kind, definition: json(q), sortOrder: i })),
    riskOfBias: content.riskOfBias.map((r) => ({ studyId: r.study, tool: r.tool, assessment: json(r) })),
    molecularGroups: vocab.molecularGroups.map((g, i) => ({ code: g.code, label: g.label, labelZh: g.labelZh, parentCode: g.parent, level: g.level, path: paths.get(g.code)!, synonyms: json(g.synonyms), sortOrder: i })),
    designs: vocab.designs.map((d, i) => ({ code: d.code, label: d.label, labelZh: d.labelZh, sortOrder: i })),
    sourceLevels: vocab.sourceLevels.map((l) => ({ code: l.code, label: l.label, labelZh: l.labelZh, rank: l.rank })),
    studies: dataset.studies.map((s, i) => ({
      id: s.id,
      shortName: s.shortName,
      title: s.title,
      authors: json(s.authors),
      authorsComplete: s.authorsComplete,
      journal: s.journal,
      year: s.year,
      volume: s.volume,
      issue: s.issue,
      pages: s.pages,
      doi: s.doi,
      pmid: s.pmid,
      url: s.url,
      citationNote: s.citationNote,
      reports: json(s.reports),
      design: s.design,
      setting: s.setting,
      centres: s.centres,
      country: s.country,
      enrolment: s.enrolment,
      n: s.n,
      codonsTested: s.codonsTested ? json(s.codonsTested) : null,
      followUp: s.followUp,
      sourceLevel: s.sourceLevel,
      sourceLevels: json(s.sourceLevels),
      notes: s.notes,
      sortOrder: i,
    })),
    arms: dataset.studies.flatMap((s) =>
      s.arms.map((a, i) => ({ id: `${s.id}/${a.id}`, studyId: s.id, armKey: a.id, label: a.label, n: a.n, molecularGroup: a.molecularGroup, treatment: a.treatment, sortOrder: i })),
    ),
    effects: (size) =>
      batches(inBrowseOrder, size, ({ e, i }): Prisma.EffectCreateManyInput => {
        const study = studyById.get(e.studyId)!;
        const p = e.p ? parsePrintedP(e.p) : null;
        const codes = treatments.get(e.id)!;
        return {
          browseKey: browseKey.get(e.id)!,
          id: e.id,
          studyId: e.studyId,
          recordId: e.recordId,
          kind: e.kind,
          endpointCode: e.endpoint,
          measure: e.measure,
          value: e.value,
          valueText: e.valueText,
          ciLower: e.ciLower,
          ciLowerText: e.ciLowerText,
          ciUpper: e.ciUpper,
          ciUpperText: e.ciUpperText,
          ciLevel: e.ciLevel,
          rangeLower: e.rangeLower,
          rangeLowerText: e.rangeLowerText,
          rangeUpper: e.rangeUpper,
          rangeUpperText: e.rangeUpperText,
          readingReason: e.readingReason,
          p: e.p,
          pValue: p?.value ?? null,
          pRelation: p?.relation ?? null,
          test: e.test,
          events: e.events,
          total: e.total,
          unit: e.unit,
          timepoint: e.timepoint,
          exposure: e.exposure,
          reference: e.reference,
          exposureGroup: e.exposureGroup,
          referenceGroup: e.referenceGroup,
          groupKey: e.groupKey,
          groupLabel: e.group,
          population: e.population,
          analysis: e.analysis,
          covariates: json(e.covariates),
          treatment: e.treatment,
          referenceTreatment: e.referenceTreatment,
          treatments: codes.length ? `|${codes.join("|")}|` : "",
          reportedLevel: e.reportedLevel,
          comparison: e.comparison,
          locator: e.locator,
          alsoAt: json(e.alsoAt),
          document: e.document,
          publication: e.publication,
          publicationDoi: e.publicationDoi,
          sourceLevel: e.sourceLevel,
          design: study.design,
          citedAs: e.citedAs,
          report: e.report,
          statement: e.statement,
          direction: e.direction,
          note: e.note,
          sameAs: e.sameAs,
          computed: e.computed,
          computeMethod: e.computeMethod,
          derivedFrom: e.derivedFrom.length ? json(e.derivedFrom) : null,
          logValue: e.logValue,
          logSe: e.logSe,
          flagged: flagged.has(e.id),
          searchText: searchTextFor(e, study, vocab),
          sortOrder: i,
        };
      }),
    effectMolecularGroups: (size) =>
      batches(dataset.effects, size, (e) => {
        const effectKey = browseKey.get(e.id)!;
        return [...new Set(e.molecularGroups)].map((g) => ({ effectId: e.id, groupCode: g, effectKey, endpointCode: e.endpoint, studyId: e.studyId, sourceLevel: e.sourceLevel }));
      }),
    effectGroupPaths: (size) =>
      batches(dataset.effects, size, (e) => {
        const codes = new Set(e.molecularGroups.flatMap((g) => ancestors.get(g) ?? [g]));
        const key = browseKey.get(e.id)!;
        return [...codes].sort().map((groupCode) => ({ groupCode, effectKey: key, endpointCode: e.endpoint }));
      }),
    effectTreatments: (size) => batches(dataset.effects, size, (e) => treatments.get(e.id)!.map((treatmentCode) => ({ treatmentCode, effectKey: browseKey.get(e.id)!, endpointCode: e.endpoint }))),
    flags: (size) =>
      batches(dataset.checkFlags, size, (f, i) => ({
        code: f.code,
        severity: f.severity,
        summary: f.summary,
        message: f.message,
        listed: listed[i]!,
        studyId: f.studyId,
        effectId: f.effectId,
        locator: f.locator,
        otherEffectId: f.otherEffectId,
        otherLocator: f.otherLocator,
        expected: f.expected,
        ...inChinese(f),
      })),
    datasetMeta: [
      { key: "version", value: dataset.version },
      { key: "studies", value: String(dataset.studies.length) },
      { key: "effects", value: String(dataset.effects.length) },
      { key: "flags", value: String(dataset.checkFlags.length) },
      { key: "citingDocuments", value: JSON.stringify(dataset.citingDocuments) },
    ],
  };
}

/** The tables in the order their rows are written (a row's references first). */
export const TABLE_ORDER = [
  ["Endpoint", "endpoints"],
  ["Treatment", "treatments"],
  ["Question", "questions"],
  ["RiskOfBias", "riskOfBias"],
  ["MolecularGroup", "molecularGroups"],
  ["Design", "designs"],
  ["SourceLevel", "sourceLevels"],
  ["Study", "studies"],
  ["Arm", "arms"],
  ["Effect", "effects"],
  ["EffectMolecularGroup", "effectMolecularGroups"],
  ["EffectGroupPath", "effectGroupPaths"],
  ["EffectTreatment", "effectTreatments"],
  ["Flag", "flags"],
  ["DatasetMeta", "datasetMeta"],
] as const satisfies readonly (readonly [string, keyof TableRows])[];

/** Every table's rows in batches of at most `size` rows, in TABLE_ORDER. */
export function* tableBatches(rows: TableRows, size: (columns: number) => number): Generator<{ table: string; rows: Record<string, unknown>[] }> {
  for (const [table, key] of TABLE_ORDER) {
    const source = rows[key];
    if (typeof source === "function") {
      // Row width is fixed per table: one row tells it.
      const probe = (source(1) as Generator<Record<string, unknown>[]>).next().value;
      if (!probe?.length) continue;
      const n = Math.max(1, size(Object.keys(probe[0]!).length));
      for (const batch of source(n) as Generator<Record<string, unknown>[]>) yield { table, rows: batch };
    } else {
      const list = source as Record<string, unknown>[];
      if (list.length === 0) continue;
      const n = Math.max(1, size(Object.keys(list[0]!).length));
      for (let i = 0; i < list.length; i += n) yield { table, rows: list.slice(i, i + n) };
    }
  }
}

/** SQL run after the rows, by the writer and the benchmark alike: the FTS index, then the planner's statistics. */
export const AFTER_ROWS_SQL = [
  `INSERT INTO "EffectSearch"(rowid, "searchText") SELECT "browseKey", "searchText" FROM "Effect"`,
  `INSERT INTO "EffectSearch"("EffectSearch") VALUES ('optimize')`,
  "ANALYZE",
];

/** A column value as SQLite binds it (booleans as 0/1, as Prisma stores them). */
export function sqlValue(v: unknown): unknown {
  if (typeof v === "boolean") return v ? 1 : 0;
  return v === undefined ? null : v;
}
