// Everything the browser page shows for one URL: the interpreted query, the records, the facets and
// the chart series. One call per page render.
import type { PrismaClient } from "../generated/prisma/client";
import { filtersToQuery, parseFiltersLenient, type EffectFilters } from "./filters";
import { applyQuery, findEffects, type EffectWithMatch } from "./find-effects";
import { computeFacets, type Facet } from "./facets";
import type { AppVocabulary } from "./vocabulary";
import type { Interpretation } from "../search/interpret";
import { alleleSpectrum, armGroups, forestGroups, undrawnCount, type AlleleBar, type ArmGroup, type ForestGroup } from "../charts/series";

export type BrowseView = {
  filters: EffectFilters;
  effects: EffectWithMatch[];
  count: number;
  facets: Facet[];
  forest: ForestGroup[];
  arms: ArmGroup[];
  alleles: AlleleBar[];
  undrawn: number;
};

export const CHART_RECORD_LIMIT = 600;

/**
 * A typed query becomes explicit filters in the URL (the URL is the state): "/?q=G12D" redirects to
 * "/?group=KRAS-G12D&searched=G12D". Returns the URL to redirect to, or null when nothing changes.
 */
export function canonicalSearchUrl(params: URLSearchParams, vocab: AppVocabulary): { url: string; interpretation: Interpretation } | null {
  const filters = parseFiltersLenient(params, vocab.allowed);
  if (!filters.q) return null;
  const { filters: merged, interpretation } = applyQuery(filters, vocab);
  if (!interpretation || interpretation.matches.length === 0) return null;
  const next: EffectFilters = { ...merged, q: interpretation.freeText.join(" ") || null, offset: 0 };
  const query = filtersToQuery(next);
  const searched = `searched=${encodeURIComponent(filters.q)}`;
  return { url: `/${query}${query ? "&" : "?"}${searched}`, interpretation };
}

export async function browse(db: PrismaClient, vocab: AppVocabulary, params: URLSearchParams): Promise<BrowseView> {
  const filters = parseFiltersLenient(params, vocab.allowed);
  const list = await findEffects(db, vocab, filters);
  const chartData = list.count <= filters.limit && filters.offset === 0 ? list : await findEffects(db, vocab, { ...filters, offset: 0, limit: CHART_RECORD_LIMIT });
  const searched = params.get("searched");
  const facets = await computeFacets(db, vocab, list.applied, list.interpretation?.freeText ?? [], "/", searched ? `searched=${encodeURIComponent(searched)}` : "");
  const alleleCodes = new Set(vocab.groups.filter((g) => g.level === "allele").map((g) => g.code));
  return {
    filters: list.applied,
    effects: list.data,
    count: list.count,
    facets,
    forest: forestGroups(chartData.data),
    arms: armGroups(chartData.data),
    alleles: alleleSpectrum(chartData.data, alleleCodes),
    undrawn: undrawnCount(chartData.data),
  };
}
