// Facets of the effect list, datasette-style: every value comes back from the server as
// { value, label, count, selected, href }, counted under all the other filters, so the UI never
// assembles query strings. The molecular-group facet is the tree; a node counts the records
// reported at it or below it. Counted in SQL (lib/data/sql/facets.ts).
import type { PrismaClient } from "../generated/prisma/client";
import { filtersToQuery, type EffectFilters, type FilterKey } from "./filters";
import type { AppVocabulary } from "./vocabulary";
import { databaseFileOf } from "../db/open";
import { facetCounts } from "./sql";

export type FacetValue = { value: string; label: string; count: number; selected: boolean; href: string; depth?: number; level?: string };
/** `more`: values left out of a long facet (the link shows them all), null where all are shown. */
export type Facet = { key: FilterKey; title: string; values: FacetValue[]; more: { hidden: number; href: string } | null };

/**
 * Values a facet shows before "all N": the ones with the most records (and every selected one), in
 * the vocabulary's order. A molecular group counts its descendants' records, so a parent never has
 * fewer than its children and the largest nodes keep their tree. `more=<facet>` in the URL shows all.
 */
export const FACET_VALUES_SHOWN = 12;

const ANALYSIS_LABELS: Record<string, string> = {
  univariable: "Univariable / unadjusted",
  multivariable: "Multivariable (adjusted)",
  randomised: "Randomised comparison",
  descriptive: "Descriptive (single group)",
  "not-reported": "Not reported",
};
const MEASURE_LABELS: Record<string, string> = {
  HR: "Hazard ratio",
  OR: "Odds ratio",
  RR: "Risk ratio",
  RD: "Risk difference",
  MD: "Difference (means/medians)",
  median: "Median",
  mean: "Mean",
  proportion: "Proportion (%)",
  "percent-change": "Relative change (%)",
  count: "Count",
};

function withExtra(href: string, extra: string): string {
  if (!extra) return href;
  return href.includes("?") ? `${href}&${extra}` : `${href}?${extra}`;
}

export function toggleHref(base: string, filters: EffectFilters, key: FilterKey, value: string): string {
  const current = filters[key];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return `${base}${filtersToQuery({ ...filters, [key]: next, offset: 0 })}`;
}

function shortened(key: FilterKey, title: string, values: FacetValue[], expanded: readonly string[], moreHref: string): Facet {
  if (expanded.includes(key) || values.length <= FACET_VALUES_SHOWN + 2) return { key, title, values, more: null };
  const ranked = values.map((v, i) => ({ v, i })).sort((a, b) => b.v.count - a.v.count || a.i - b.i);
  const keep = new Set(ranked.slice(0, FACET_VALUES_SHOWN).map((r) => r.i));
  values.forEach((v, i) => v.selected && keep.add(i));
  return { key, title, values: values.filter((_, i) => keep.has(i)), more: { hidden: values.length - keep.size, href: moreHref } };
}

export async function computeFacets(
  db: PrismaClient,
  vocab: AppVocabulary,
  filters: EffectFilters,
  freeText: string[],
  base = "/",
  extraQuery = "",
  expanded: readonly string[] = [],
): Promise<Facet[]> {
  const counts = facetCounts(filters, freeText, databaseFileOf(db));
  const value = (key: FilterKey, v: string, label: string, count: number, extra: Partial<FacetValue> = {}): FacetValue => ({
    value: v,
    label,
    count,
    selected: filters[key].includes(v),
    href: withExtra(toggleHref(base, filters, key, v), extraQuery),
    ...extra,
  });
  const groupValues: FacetValue[] = [];
  for (const g of vocab.groups) {
    const count = counts.group.get(g.code) ?? 0;
    if (count > 0 || filters.group.includes(g.code)) groupValues.push(value("group", g.code, g.label, count, { depth: g.depth, level: g.level }));
  }
  const measures = [...counts.measure.entries()];
  const nonZero = (list: FacetValue[]) => list.filter((v) => v.count > 0 || v.selected);
  const query = filtersToQuery(filters);
  const moreHref = (key: FilterKey) => withExtra(`${base}${query}${query ? "&" : "?"}${[...new Set([...expanded, key])].map((k) => `more=${k}`).join("&")}`, extraQuery);
  const facet = (key: FilterKey, title: string, values: FacetValue[]) => shortened(key, title, values, expanded, moreHref(key));
  return [
    facet("endpoint", "Endpoint", nonZero(vocab.endpoints.map((e) => value("endpoint", e.code, e.label, counts.endpoint.get(e.code) ?? 0)))),
    facet("group", "Molecular group", groupValues),
    facet("treatment", "Treatment or context", nonZero(vocab.treatments.map((t) => value("treatment", t.code, t.label, counts.treatment.get(t.code) ?? 0)))),
    facet("design", "Study design", nonZero(vocab.designs.map((d) => value("design", d.code, d.label, counts.design.get(d.code) ?? 0)))),
    facet("sourceLevel", "Source level", nonZero(vocab.sourceLevels.map((l) => value("sourceLevel", l.code, l.label, counts.sourceLevel.get(l.code) ?? 0)))),
    facet("measure", "Measure", nonZero(measures.map(([m, n]) => value("measure", m, MEASURE_LABELS[m] ?? m, n)))),
    facet("analysis", "Analysis", nonZero(Object.keys(ANALYSIS_LABELS).map((a) => value("analysis", a, ANALYSIS_LABELS[a]!, counts.analysis.get(a) ?? 0)))),
  ];
}
