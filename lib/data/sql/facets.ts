// Facet counts in SQL: for each facet, the records matching every other filter, grouped by the
// facet's column (an index per column) or, for treatments and molecular groups, by the join tables'
// codes (EffectTreatment, EffectGroupPath: a group's count includes its descendants, each record
// once). Counts depend only on the database and the condition, so they are kept per database file and
// condition (a rebuilt file is a new identity): the counts without one filter are shared by every view
// that differs only in that filter, and the unfiltered ones by all.
import type { EffectFilters, FilterKey } from "../filters";
import { databaseIdentity, prepared } from "../../db/sqlite";
import { effectCondition, FACET_KEYS, type Where } from "./where";

export type FacetCounts = Record<(typeof FACET_KEYS)[number], Map<string, number>>;

const SIMPLE: Partial<Record<FilterKey, string>> = {
  endpoint: "endpointCode",
  design: "design",
  sourceLevel: "sourceLevel",
  measure: "measure",
  analysis: "analysis",
};

const MAX_CACHED = 2000;
const cache = new Map<string, Map<string, number>>();

function groupCounts(sql: string, params: unknown[], file?: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of prepared(sql, file).all(...params) as { value: string | null; n: number }[]) if (r.value !== null) out.set(r.value, r.n);
  return out;
}

function countsFor(key: (typeof FACET_KEYS)[number], where: Where, file?: string): Map<string, number> {
  const column = SIMPLE[key];
  if (column) return groupCounts(`SELECT e.${column} AS value, count(*) AS n FROM ${where.from} WHERE ${where.sql} GROUP BY e.${column}`, where.params, file);
  const [table, code] = key === "treatment" ? ["EffectTreatment", "treatmentCode"] : ["EffectGroupPath", "groupCode"];
  if (where.empty) return groupCounts(`SELECT ${code} AS value, count(*) AS n FROM ${table} GROUP BY ${code}`, [], file);
  return groupCounts(`SELECT j.${code} AS value, count(*) AS n FROM ${table} j WHERE j.effectKey IN (SELECT e.browseKey FROM ${where.from} WHERE ${where.sql}) GROUP BY j.${code}`, where.params, file);
}

/** Every facet's counts under the other filters. */
export function facetCounts(filters: EffectFilters, freeText: readonly string[], file?: string): FacetCounts {
  const identity = databaseIdentity(file);
  const out = {} as FacetCounts;
  for (const key of FACET_KEYS) {
    const where = effectCondition(filters, freeText, key);
    const cacheKey = `${file ?? ""}|${identity}|${key}|${where.from}|${where.sql}|${JSON.stringify(where.params)}`;
    let counts = cache.get(cacheKey);
    if (counts) {
      cache.delete(cacheKey);
    } else counts = countsFor(key, where, file);
    cache.set(cacheKey, counts);
    if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
    out[key] = counts;
  }
  return out;
}

/** The counts computed afresh, for measuring (the benchmark's facet-count figure). */
export function facetCountsUncached(filters: EffectFilters, freeText: readonly string[], file?: string): FacetCounts {
  const out = {} as FacetCounts;
  for (const key of FACET_KEYS) out[key] = countsFor(key, effectCondition(filters, freeText, key), file);
  return out;
}
