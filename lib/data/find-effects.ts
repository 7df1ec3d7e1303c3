// The effect list: filters -> { data, count }. Within a facet values are alternatives (OR);
// facets combine (AND). `group` includes descendants (a codon includes its alleles; RAS includes
// KRAS and NRAS), never ancestors: a RAS-level record is not G12D evidence. q is interpreted into
// filters (allele spellings, synonyms, study names) and free text.
import type { PrismaClient } from "../generated/prisma/client";
import type { Prisma } from "../generated/prisma/client";
import type { EffectRecord } from "../domain/records";
import type { EffectFilters, FilterKey } from "./filters";
import { EFFECT_INCLUDE, toEffectRecord } from "./to-record";
import { descendantsOf, type AppVocabulary } from "./vocabulary";
import { interpreterFor } from "./search";
import type { Interpretation } from "../search/interpret";

export type GroupMatch = { requested: string; reportedAs: string[]; reportedLevel: string };
export type EffectWithMatch = EffectRecord & { groupMatch: GroupMatch | null };
export type FindEffectsResult = { data: EffectWithMatch[]; count: number; interpretation: Interpretation | null; applied: EffectFilters };

/** Merges what q names into the explicit filters. */
export function applyQuery(filters: EffectFilters, vocab: AppVocabulary): { filters: EffectFilters; interpretation: Interpretation | null } {
  if (!filters.q) return { filters, interpretation: null };
  const interpretation = interpreterFor(vocab).interpret(filters.q);
  const merged = { ...filters };
  for (const kind of ["endpoint", "treatment", "group", "study"] as const)
    merged[kind] = [...new Set([...filters[kind], ...interpretation.filters[kind]])];
  return { filters: merged, interpretation };
}

export function effectWhere(f: EffectFilters, vocab: AppVocabulary, freeText: string[] = [], omit?: FilterKey): Prisma.EffectWhereInput {
  const and: Prisma.EffectWhereInput[] = [];
  const use = (k: FilterKey) => k !== omit && f[k].length > 0;
  if (use("endpoint")) and.push({ endpointCode: { in: f.endpoint } });
  // A treatment keeps the whole comparison it is part of (both arms): see Effect.treatments.
  if (use("treatment")) and.push({ OR: f.treatment.map((t) => ({ treatments: { contains: `|${t}|` } })) });
  if (use("group")) {
    const codes = [...new Set(f.group.flatMap((g) => descendantsOf(vocab.groups, g)))];
    and.push({ molecularGroups: { some: { groupCode: { in: codes } } } });
  }
  if (use("study")) and.push({ studyId: { in: f.study } });
  if (use("measure")) and.push({ measure: { in: f.measure } });
  if (use("design")) and.push({ study: { design: { in: f.design } } });
  if (use("sourceLevel")) and.push({ sourceLevel: { in: f.sourceLevel } });
  if (use("analysis")) and.push({ analysis: { in: f.analysis } });
  if (use("kind")) and.push({ kind: { in: f.kind } });
  if (f.flagged === true) and.push({ flags: { some: {} } });
  if (f.flagged === false) and.push({ flags: { none: {} } });
  if (f.computed !== null) and.push({ computed: f.computed });
  for (const word of freeText) and.push({ searchText: { contains: word } });
  return and.length ? { AND: and } : {};
}

function groupMatchFor(e: EffectRecord, requested: string[], vocab: AppVocabulary): GroupMatch | null {
  if (requested.length === 0) return null;
  for (const r of requested) {
    const codes = descendantsOf(vocab.groups, r);
    const hits = e.molecularGroups.filter((g) => codes.includes(g));
    if (hits.length) return { requested: r, reportedAs: hits, reportedLevel: e.reportedLevel };
  }
  return null;
}

export async function findEffects(db: PrismaClient, vocab: AppVocabulary, input: EffectFilters): Promise<FindEffectsResult> {
  const { filters, interpretation } = applyQuery(input, vocab);
  const where = effectWhere(filters, vocab, interpretation?.freeText ?? []);
  const [rows, count] = await Promise.all([
    db.effect.findMany({
      where,
      include: EFFECT_INCLUDE,
      orderBy: [{ endpoint: { sortOrder: "asc" } }, { study: { sortOrder: "asc" } }, { sortOrder: "asc" }],
      skip: filters.offset,
      take: filters.limit,
    }),
    db.effect.count({ where }),
  ]);
  const data = rows.map((r) => {
    const e = toEffectRecord(r);
    return { ...e, groupMatch: groupMatchFor(e, filters.group, vocab) };
  });
  return { data, count, interpretation, applied: filters };
}
