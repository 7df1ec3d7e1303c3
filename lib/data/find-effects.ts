// The effect list: filters -> { data, count } and the keys of the next and previous pages. Within a
// facet values are alternatives (OR); facets combine (AND). `group` includes descendants (a codon
// includes its alleles; RAS includes KRAS and NRAS), never ancestors: a RAS-level record is not G12D
// evidence. q is interpreted into filters (allele spellings, synonyms, study names) and free text.
// The reads are SQL on the read path (lib/data/sql): browse order by key, an indexed condition per
// filter, free text through FTS5.
import type { PrismaClient } from "../generated/prisma/client";
import type { Prisma } from "../generated/prisma/client";
import type { EffectRecord } from "../domain/records";
import type { EffectFilters, FilterKey } from "./filters";
import { descendantsOf, type AppVocabulary } from "./vocabulary";
import { interpreterFor } from "./search";
import type { Interpretation } from "../search/interpret";
import { databaseFileOf } from "../db/open";
import { comparisonMates, effectsById, findEffectPage, printingMates, type PageRequest } from "./sql";

export type GroupMatch = { requested: string; reportedAs: string[]; reportedLevel: string };
/** comparator: not selected by the filters, shown because it is the other arm (or the contrast) of a comparison they select one arm of. */
export type EffectWithMatch = EffectRecord & { groupMatch: GroupMatch | null; comparator?: boolean };
export type FindEffectsResult = {
  data: EffectWithMatch[];
  count: number;
  interpretation: Interpretation | null;
  applied: EffectFilters;
  /** The key to ask for the page after this one (`after=`), null on the last page. */
  next: number | null;
  /** The key to ask for the page before this one (`before=`), null on the first page. */
  previous: number | null;
  /** The 0-based place of the page's first record in the whole list. */
  first: number;
};

/** Merges what q names into the explicit filters. */
export function applyQuery(filters: EffectFilters, vocab: AppVocabulary): { filters: EffectFilters; interpretation: Interpretation | null } {
  if (!filters.q) return { filters, interpretation: null };
  const interpretation = interpreterFor(vocab).interpret(filters.q);
  const merged = { ...filters };
  for (const kind of ["endpoint", "treatment", "group", "study"] as const)
    merged[kind] = [...new Set([...filters[kind], ...interpretation.filters[kind]])];
  return { filters: merged, interpretation };
}

/**
 * The same filters as a Prisma condition, for Prisma readers outside the read path. The read path
 * itself uses lib/data/sql/where.ts; both read `group` and `treatment` through the join tables
 * (EffectGroupPath, EffectTreatment) and take the same records.
 */
export function effectWhere(f: EffectFilters, _vocab: AppVocabulary, freeText: string[] = [], omit?: FilterKey): Prisma.EffectWhereInput {
  const and: Prisma.EffectWhereInput[] = [];
  const use = (k: FilterKey) => k !== omit && f[k].length > 0;
  if (use("endpoint")) and.push({ endpointCode: { in: f.endpoint } });
  if (use("treatment")) and.push({ treatmentLinks: { some: { treatmentCode: { in: f.treatment } } } });
  if (use("group")) and.push({ groupPaths: { some: { groupCode: { in: f.group } } } });
  if (use("study")) and.push({ studyId: { in: f.study } });
  if (use("measure")) and.push({ measure: { in: f.measure } });
  if (use("design")) and.push({ design: { in: f.design } });
  if (use("sourceLevel")) and.push({ sourceLevel: { in: f.sourceLevel } });
  if (use("analysis")) and.push({ analysis: { in: f.analysis } });
  if (use("kind")) and.push({ kind: { in: f.kind } });
  if (f.flagged === true) and.push({ flagged: true });
  if (f.flagged === false) and.push({ flagged: false });
  if (f.computed !== null) and.push({ computed: f.computed });
  for (const word of freeText) and.push({ searchText: { contains: word } });
  return and.length ? { AND: and } : {};
}

/** Where each record stands against the requested groups: the descendants of each looked up once per page, not per record. */
function groupMatcher(requested: string[], vocab: AppVocabulary): (e: EffectRecord) => GroupMatch | null {
  const wanted = requested.map((r) => ({ requested: r, codes: new Set(descendantsOf(vocab.groups, r)) }));
  return (e) => {
    for (const { requested: r, codes } of wanted) {
      const hits = e.molecularGroups.filter((g) => codes.has(g));
      if (hits.length) return { requested: r, reportedAs: hits, reportedLevel: e.reportedLevel };
    }
    return null;
  };
}

/** A page of the list: by offset (input.offset), or by key (`page.after` / `page.before`, from a previous answer's next / previous). */
export async function findEffects(db: PrismaClient, vocab: AppVocabulary, input: EffectFilters, page: Pick<PageRequest, "after" | "before"> = {}): Promise<FindEffectsResult> {
  const { filters, interpretation } = applyQuery(input, vocab);
  const result = findEffectPage(filters, interpretation?.freeText ?? [], { limit: filters.limit, offset: filters.offset, after: page.after, before: page.before }, { file: databaseFileOf(db), locale: vocab.locale });
  const match = groupMatcher(filters.group, vocab);
  // The records are this call's own, fresh from the rows: each gets its match in place, not a copy.
  const data = result.data.map((e) => Object.assign(e, { groupMatch: match(e) }));
  return { data, count: result.count, interpretation, applied: filters, next: result.next, previous: result.previous, first: result.first };
}

/** Records by id, in the dataset's order (any number of ids: bound as one value); flags' texts in `locale`. */
export async function findEffectsByIds(db: PrismaClient, ids: readonly string[], locale?: string): Promise<EffectRecord[]> {
  return effectsById([...new Set(ids)], { file: databaseFileOf(db), locale });
}

/**
 * Comparisons stay whole: the records of the given records' comparisons that the filters leave out
 * because they select one arm (a molecular group, a treatment, free text), marked as comparators.
 * `filters` are the applied ones (q already merged).
 */
export function findComparators(db: PrismaClient, filters: EffectFilters, freeText: readonly string[], records: readonly EffectRecord[], locale?: string): EffectWithMatch[] {
  return comparisonMates(filters, freeText, records, { file: databaseFileOf(db), locale }).map((e) => Object.assign(e, { groupMatch: null, comparator: true }));
}

/**
 * One entry per estimate: the other printings of the given records' figures (sameAs, report updates)
 * that the filters select but the records leave out (on other pages), read by id for a page.
 * `filters` are the applied ones (q already merged).
 */
export function findPrintingMates(db: PrismaClient, vocab: AppVocabulary, filters: EffectFilters, freeText: readonly string[], records: readonly EffectRecord[]): EffectWithMatch[] {
  const match = groupMatcher(filters.group, vocab);
  return printingMates(filters, freeText, records, { file: databaseFileOf(db), locale: vocab.locale }).map((e) => Object.assign(e, { groupMatch: match(e) }));
}

/** Each comparator placed right after the last record of its comparison (list order kept otherwise). */
export function withComparators<T extends EffectRecord>(records: readonly T[], comparators: readonly T[]): T[] {
  if (comparators.length === 0) return [...records];
  const key = (e: EffectRecord) => `${e.studyId}\u0000${e.comparison}`;
  const pending = new Map<string, T[]>();
  for (const c of comparators) pending.set(key(c), [...(pending.get(key(c)) ?? []), c]);
  const last = new Map(records.map((e, i) => [key(e), i]));
  const out: T[] = [];
  records.forEach((e, i) => {
    out.push(e);
    if (last.get(key(e)) === i) {
      out.push(...(pending.get(key(e)) ?? []));
      pending.delete(key(e));
    }
  });
  return out;
}
