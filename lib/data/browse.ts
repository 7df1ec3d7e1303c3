// Everything the browser page shows for one URL: the interpreted query, one page of records (by
// key), the facets and the chart series. One call per page render.
import type { PrismaClient } from "../generated/prisma/client";
import { DEFAULT_LIMIT, FILTER_KEYS, FILTER_PARAMETERS, filtersToQuery, parseFiltersLenientWithNotes, type EffectFilters, type FilterKey } from "./filters";
import { ignored as note, unknownParameters, type Ignored } from "./ignored";
import { CURSOR_KEYS } from "./cursor";
import { applyQuery, findComparators, findEffects, findPrintingMates, withComparators, type EffectWithMatch } from "./find-effects";
import { computeFacets, type Facet } from "./facets";
import type { AppVocabulary } from "./vocabulary";
import type { Interpretation } from "../search/interpret";
import type { Cursor } from "./cursor";
import { alleleSpectrum, armGroups, forestGroups, FOREST_SORTS, sortForestRows, undrawnCount, type AlleleBar, type ArmGroup, type ForestGroup, type ForestSort } from "../charts/series";
import { findStudies } from "./find-studies";
import { rankOf } from "./compare";
import { chartRecords } from "./chart-records";
import { foldPage, type ListEntry } from "./list-entries";

export type BrowseView = {
  filters: EffectFilters;
  /** The page's records, each comparator (EffectWithMatch.comparator) right after its comparison's last record. */
  effects: EffectWithMatch[];
  count: number;
  /** Comparators on this page: records the filters leave out, shown because a filter selects one arm of their comparison. */
  comparators: { count: number; arms: boolean };
  /** The page's list, one entry per estimate (printings folded under the best source), in list order. */
  entries: ListEntry<EffectWithMatch>[];
  /** The page's records shown as a printing under another entry's lead, not as an entry. */
  folded: number;
  /** The page: its place in the list and the links to the pages before and after it (null at either end). */
  page: { first: number; next: string | null; previous: string | null };
  facets: Facet[];
  forest: ForestGroup[];
  arms: ArmGroup[];
  alleles: AlleleBar[];
  undrawn: number;
  /** Whether the view has charts: a filtered or searched view with records (the unfiltered one shows starting questions). */
  showCharts: boolean;
  /** The charts are drawn from the first `drawnFrom` records of the `count` (list order), each chart at most MAX_CHART_POINTS. */
  charted: { drawnFrom: number; of: number; capped: boolean };
  /** The forest plots' order (`sort=`), null: the list's. */
  sort: ForestSort | null;
  /** What the URL asked for that the page set aside, and why (shown by app/_components/IgnoredNotice.tsx). */
  ignored: Ignored[];
};

/** The parameters the browser reads: the filters, paging, the search typed and the facets opened. */
export const BROWSE_PARAMETERS: readonly string[] = [...FILTER_PARAMETERS, ...CURSOR_KEYS, "searched", "more", "sort"];

/** Records a page lists at most (larger limits are lowered, and the page says so), and without a limit. */
export const PAGE_LIMIT_MAX = 100;
export const PAGE_SIZE = 50;
/** Records the charts are drawn from: the first ones in list order. */
export const CHART_RECORD_LIMIT = 150;
/** Points (rows, bars) one chart draws at most. */
export const MAX_CHART_POINTS = 2000;

/**
 * A typed query becomes explicit filters in the URL (the URL is the state): "/?q=G12D" redirects to
 * "/?group=KRAS-G12D&searched=G12D". Returns the URL to redirect to, or null when nothing changes.
 */
export function canonicalSearchUrl(params: URLSearchParams, vocab: AppVocabulary): { url: string; interpretation: Interpretation } | null {
  const filters = parseFiltersLenientWithNotes(params, vocab.allowed).filters;
  if (!filters.q) return null;
  const { filters: merged, interpretation } = applyQuery(filters, vocab);
  if (!interpretation || interpretation.matches.length === 0) return null;
  const next: EffectFilters = { ...merged, q: interpretation.freeText.join(" ") || null, offset: 0 };
  const query = filtersToQuery(next);
  const searched = `searched=${encodeURIComponent(filters.q)}`;
  // What the page will ignore goes along, so the page it lands on names it (a few pairs at most).
  const kept = new URLSearchParams();
  for (const [key, value] of params) {
    if (kept.size >= 10) break;
    const isFilter = (FILTER_KEYS as readonly string[]).includes(key);
    if (!BROWSE_PARAMETERS.includes(key)) kept.append(key, value);
    else if (isFilter) for (const v of value.split(",").map((x) => x.trim()).filter(Boolean)) if (!vocab.allowed[key as FilterKey].includes(v)) kept.append(key, v);
  }
  const ignoredQuery = kept.size ? `&${kept}` : "";
  return { url: `/${query}${query ? "&" : "?"}${searched}${ignoredQuery}`, interpretation };
}

function capped<T>(list: T[]): { list: T[]; cut: boolean } {
  return list.length > MAX_CHART_POINTS ? { list: list.slice(0, MAX_CHART_POINTS), cut: true } : { list, cut: false };
}

export async function browse(
  db: PrismaClient,
  vocab: AppVocabulary,
  params: URLSearchParams,
  cursor: Cursor = { after: null, before: null },
  options: { charts?: boolean } = {},
): Promise<BrowseView> {
  const parsed = parseFiltersLenientWithNotes(params, vocab.allowed);
  const ignored = [...parsed.ignored, ...unknownParameters(params, BROWSE_PARAMETERS)];
  let input = params.has("limit") ? parsed.filters : { ...parsed.filters, limit: PAGE_SIZE };
  if (input.limit > PAGE_LIMIT_MAX) {
    // One note for the limit, naming the value as the link gave it (a clamped one included).
    const i = ignored.findIndex((n) => n.parameter === "limit");
    if (i >= 0) ignored.splice(i, 1);
    ignored.push(note("limit", params.get("limit"), `a page lists at most ${PAGE_LIMIT_MAX} records; ${PAGE_LIMIT_MAX} used (the Next link gives the rest)`));
    input = { ...input, limit: PAGE_LIMIT_MAX };
  }
  const list = await findEffects(db, vocab, input, cursor);
  const filtered = FILTER_KEYS.some((k) => list.applied[k].length > 0) || Boolean(input.q);
  const showCharts = (options.charts ?? true) && filtered && list.count > 0;
  const firstPage = list.first === 0;
  const chartData = !showCharts
    ? { data: [] }
    : list.count <= list.applied.limit && firstPage
      ? list
      : await findEffects(db, vocab, { ...input, offset: 0, limit: Math.min(CHART_RECORD_LIMIT, list.count) });
  // Comparisons stay whole: the page's and the charts' comparators, one bounded read each.
  const freeText = list.interpretation?.freeText ?? [];
  const pageComparators = findComparators(db, list.applied, freeText, list.data, vocab.locale);
  const chartComparators = chartData === list ? pageComparators : findComparators(db, list.applied, freeText, chartData.data, vocab.locale);
  const shown = withComparators<EffectWithMatch>(chartData.data, chartComparators);
  // One chart row per estimate: printings of one figure folded under the best source, with the study's facts.
  const charted = showCharts ? chartRecords(shown, await findStudies(db, [...new Set(shown.map((e) => e.studyId))]), rankOf(vocab)) : [];
  // One list entry per estimate: the page's printings folded, with those of their figures on other pages.
  const listed = withComparators<EffectWithMatch>(list.data, pageComparators);
  const mates = findPrintingMates(db, vocab, list.applied, freeText, listed);
  const page = foldPage(listed, mates, await findStudies(db, [...new Set([...listed, ...mates].map((e) => e.studyId))]), rankOf(vocab));
  const sortParam = params.get("sort");
  const sort = (FOREST_SORTS as readonly string[]).includes(sortParam ?? "") ? (sortParam as ForestSort) : null;
  if (sortParam !== null && !sort) ignored.push(note("sort", sortParam, `not one of ${FOREST_SORTS.join(", ")}: the list's order is used`));
  const searched = params.get("searched");
  const extra = [searched ? `searched=${encodeURIComponent(searched)}` : "", sort ? `sort=${sort}` : ""].filter(Boolean).join("&");
  // Links keep the URL's own limit, and none where the page used its default.
  const forLinks = (f: EffectFilters): EffectFilters => (params.has("limit") ? f : { ...f, limit: DEFAULT_LIMIT });
  const more = params.getAll("more");
  const expanded = more.filter((k) => (FILTER_KEYS as readonly string[]).includes(k));
  for (const k of more.filter((k) => !expanded.includes(k)).slice(0, 3)) ignored.push(note("more", k, "not a filter list to expand"));
  const facets = await computeFacets(db, vocab, forLinks(list.applied), list.interpretation?.freeText ?? [], "/", extra, expanded);
  const alleleCodes = new Set(vocab.groups.filter((g) => g.level === "allele").map((g) => g.code));
  const forest = forestGroups(charted).map((g) => ({ ...g, rows: sortForestRows(capped(g.rows).list, sort) }));
  const arms = armGroups(charted).map((g) => ({ ...g, points: capped(g.points).list }));
  const alleles = capped(alleleSpectrum(charted, alleleCodes)).list;
  const base = filtersToQuery(forLinks({ ...input, offset: 0 }));
  const href = (key: "after" | "before", value: number | null) => {
    if (value === null) return null;
    const query = [base.slice(1), extra, `${key}=${value}`].filter(Boolean).join("&");
    return `/?${query}`;
  };
  return {
    filters: forLinks(list.applied),
    effects: listed,
    entries: page.entries,
    folded: page.folded,
    count: list.count,
    comparators: { count: pageComparators.length, arms: pageComparators.every((e) => e.kind === "arm") },
    page: { first: list.first, next: href("after", list.next), previous: list.first > 0 ? (href("before", list.previous) ?? "/") : null },
    facets,
    forest,
    arms,
    alleles,
    undrawn: undrawnCount(charted),
    showCharts,
    sort,
    charted: { drawnFrom: chartData.data.length, of: list.count, capped: chartData.data.length < list.count },
    ignored,
  };
}
