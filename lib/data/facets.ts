// Facets of the effect list, datasette-style: every value comes back from the server as
// { value, label, count, selected, href }, counted under all the other filters, so the UI never
// assembles query strings. The molecular-group facet is the tree; a node counts the records
// reported at it or below it.
import type { PrismaClient } from "../generated/prisma/client";
import { effectWhere } from "./find-effects";
import { filtersToQuery, type EffectFilters, type FilterKey } from "./filters";
import { descendantsOf, type AppVocabulary } from "./vocabulary";

export type FacetValue = { value: string; label: string; count: number; selected: boolean; href: string; depth?: number; level?: string };
export type Facet = { key: FilterKey; title: string; values: FacetValue[] };

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

export async function computeFacets(db: PrismaClient, vocab: AppVocabulary, filters: EffectFilters, freeText: string[], base = "/", extraQuery = ""): Promise<Facet[]> {
  const whereWithout = (k: FilterKey) => effectWhere(filters, vocab, freeText, k);
  const value = (key: FilterKey, v: string, label: string, count: number, extra: Partial<FacetValue> = {}): FacetValue => ({
    value: v,
    label,
    count,
    selected: filters[key].includes(v),
    href: withExtra(toggleHref(base, filters, key, v), extraQuery),
    ...extra,
  });

  const [endpoints, measures, levels, analyses, treatmentRows, studyCounts, groupPairs] = await Promise.all([
    db.effect.groupBy({ by: ["endpointCode"], where: whereWithout("endpoint"), _count: { _all: true } }),
    db.effect.groupBy({ by: ["measure"], where: whereWithout("measure"), _count: { _all: true } }),
    db.effect.groupBy({ by: ["sourceLevel"], where: whereWithout("sourceLevel"), _count: { _all: true } }),
    db.effect.groupBy({ by: ["analysis"], where: whereWithout("analysis"), _count: { _all: true } }),
    db.effect.findMany({ where: whereWithout("treatment"), select: { treatments: true } }),
    db.effect.groupBy({ by: ["studyId"], where: whereWithout("design"), _count: { _all: true } }),
    db.effectMolecularGroup.findMany({ where: { effect: whereWithout("group") }, select: { effectId: true, groupCode: true } }),
  ]);

  const endpointCount = new Map(endpoints.map((r) => [r.endpointCode, r._count._all]));
  const treatmentCount = new Map<string, number>();
  for (const r of treatmentRows) for (const t of r.treatments.split("|").filter(Boolean)) treatmentCount.set(t, (treatmentCount.get(t) ?? 0) + 1);

  const studyDesign = new Map((await db.study.findMany({ select: { id: true, design: true } })).map((s) => [s.id, s.design]));
  const designCount = new Map<string, number>();
  for (const r of studyCounts) {
    const d = studyDesign.get(r.studyId) ?? "not-reported";
    designCount.set(d, (designCount.get(d) ?? 0) + r._count._all);
  }

  const groupsOf = new Map<string, Set<string>>();
  for (const p of groupPairs) groupsOf.set(p.effectId, (groupsOf.get(p.effectId) ?? new Set()).add(p.groupCode));
  const groupValues: FacetValue[] = [];
  for (const g of vocab.groups) {
    const codes = new Set(descendantsOf(vocab.groups, g.code));
    let count = 0;
    for (const set of groupsOf.values()) for (const c of set) if (codes.has(c)) { count++; break; }
    if (count > 0 || filters.group.includes(g.code)) groupValues.push(value("group", g.code, g.label, count, { depth: g.depth, level: g.level }));
  }

  const nonZero = (list: FacetValue[]) => list.filter((v) => v.count > 0 || v.selected);
  return [
    { key: "endpoint", title: "Endpoint", values: nonZero(vocab.endpoints.map((e) => value("endpoint", e.code, e.label, endpointCount.get(e.code) ?? 0))) },
    { key: "group", title: "Molecular group", values: groupValues },
    { key: "treatment", title: "Treatment or context", values: nonZero(vocab.treatments.map((t) => value("treatment", t.code, t.label, treatmentCount.get(t.code) ?? 0))) },
    { key: "design", title: "Study design", values: nonZero(vocab.designs.map((d) => value("design", d.code, d.label, designCount.get(d.code) ?? 0))) },
    { key: "sourceLevel", title: "Source level", values: nonZero(vocab.sourceLevels.map((l) => value("sourceLevel", l.code, l.label, levels.find((r) => r.sourceLevel === l.code)?._count._all ?? 0))) },
    {
      key: "measure",
      title: "Measure",
      values: nonZero(measures.filter((m) => m.measure).map((m) => value("measure", m.measure!, MEASURE_LABELS[m.measure!] ?? m.measure!, m._count._all))),
    },
    { key: "analysis", title: "Analysis", values: nonZero(Object.keys(ANALYSIS_LABELS).map((a) => value("analysis", a, ANALYSIS_LABELS[a]!, analyses.find((r) => r.analysis === a)?._count._all ?? 0))) },
  ];
}

