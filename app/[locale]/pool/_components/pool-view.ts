// Everything /pool shows for one URL: the browser's filters and the pooling options, read leniently
// (a bad value is dropped and named), the pooled answer, and every link the page offers, built
// here so the components never assemble query strings. cache(): the page and its metadata share it.
import "server-only";
import { cache } from "react";
import { getTranslations } from "next-intl/server";
import { getPageContext } from "@/lib/data/context";
import { DEFAULT_LIMIT, FILTER_PARAMETERS, filtersToQuery, parseFiltersLenientWithNotes, type EffectFilters } from "@/lib/data/filters";
import { ignored as note, unknownParameters, type Ignored } from "@/lib/data/ignored";
import { POOL_PARAMETERS, parsePoolOptionsLenient, poolVariants } from "@/lib/data/pool-effects";
import type { AppVocabulary } from "@/lib/data/vocabulary";
import { INTERVAL_METHODS, POOLING_METHODS, SUBGROUP_KEYS, type PoolOptions, type PoolResult } from "@/lib/pooling/pool";
import { methodsParagraph } from "@/lib/pooling/methods";
import { reasonValues, settingLabel } from "@/lib/pooling/context";
import {
  POOL_INTERVAL_LABELS,
  POOL_METHOD_LABELS,
  POOL_SORTS,
  POOL_SORT_LABELS,
  POOL_SUBGROUP_LABELS,
  formatPValue,
  pooledForest,
  ratioMeaning,
  type PoolSort,
  type PooledForest,
} from "@/lib/charts/series";

/** The analysis classes the guard rails pool (a browser filter on another analysis stays a filter only). */
const POOLABLE_ANALYSES = new Set(["multivariable", "univariable", "randomised"]);

export type ControlLink = { value: string; label: string; href: string; current: boolean };
export type Control = { name: string; label: string; links: ControlLink[] };

export type PoolView = {
  filters: EffectFilters;
  options: PoolOptions;
  sort: PoolSort;
  ignored: Ignored[];
  result: PoolResult;
  /** The same records with Wald intervals, when the page shows HKSJ (to say when HKSJ is narrower). */
  wald: PoolResult | null;
  labels: { endpoint: string | null; exposure: string | null; reference: string | null };
  question: string;
  forest: PooledForest | null;
  chartTitle: string;
  chartCaption: string[];
  methods: string;
  controls: Control[];
  /** The URL of this view with the comparison the guard rails chose pinned (so it reloads to the same picture). */
  permalink: string;
  browseHref: string;
  /** The same pooled answer as JSON (the API is strict: no page-only parameters such as sort). */
  apiHref: string;
  version: string;
  studyNames: Record<string, string>;
};

export type PoolState = { filters: EffectFilters; options: PoolOptions; sort: PoolSort };

/** /pool?… for a state: the browser's filters, then the pooling options that differ from the defaults. */
export function poolHref(state: PoolState): string {
  const params = new URLSearchParams(filtersToQuery({ ...state.filters, offset: 0, limit: DEFAULT_LIMIT }).replace(/^\?/, ""));
  if (state.options.comparison) params.set("comparison", `${state.options.comparison.exposure}:${state.options.comparison.reference}`);
  if (state.options.method !== "REML") params.set("method", state.options.method);
  if (state.options.ci !== "hksj") params.set("ci", state.options.ci);
  if (state.options.by) params.set("by", state.options.by);
  if (state.sort !== "year") params.set("sort", state.sort);
  // ":" is legal in a query: kept readable in the comparison (RAS:RAS-wt).
  const query = params.toString().replace(/%3A/gi, ":");
  return `/pool${query ? `?${query}` : ""}`;
}

export const ANALYSIS_WORDS: Record<string, string> = {
  multivariable: "adjusted (multivariable) estimates",
  univariable: "unadjusted (univariable) estimates",
  randomised: "randomised comparisons",
};
const ANALYSIS_LABELS: Record<NonNullable<PoolOptions["analysis"]>, string> = { multivariable: "Adjusted", univariable: "Unadjusted", randomised: "Randomised" };
export const MEASURE_WORDS: Record<string, string> = { HR: "hazard ratios", OR: "odds ratios", RR: "risk ratios" };

/** A compared group's label: the molecular or treatment vocabulary, else as the records print it (factor levels). */
export function comparisonLabeler(vocab: AppVocabulary, printedLabels: Record<string, string>): (code: string) => string {
  return (code) => vocab.labels.group[code] ?? vocab.treatments.find((t) => t.code === code)?.label ?? printedLabels[code] ?? code.replace(/-/g, " ");
}

/** The single poolable analysis a browser URL names, if any (else the guard rails choose). */
export function poolableAnalysis(filters: EffectFilters): PoolOptions["analysis"] {
  return filters.analysis.length === 1 && POOLABLE_ANALYSES.has(filters.analysis[0]!) ? (filters.analysis[0] as PoolOptions["analysis"]) : null;
}

/** `locale`: the interface's language ("zh": the vocabulary's Chinese labels, the caption and methods paragraph in Chinese). */
export const loadPoolView = cache(async (query: string, locale: string = "en"): Promise<PoolView> => {
  const params = new URLSearchParams(query);
  const { db, vocab, meta } = await getPageContext(locale);
  const zh = locale === "zh";
  const t = await getTranslations({ locale, namespace: "pool" });
  const { filters, ignored: filterIgnored } = parseFiltersLenientWithNotes(params, vocab.allowed);

  // A single poolable analysis in the URL is the pooling choice too (as /api/pool); anything else stays a filter.
  const poolParams = new URLSearchParams(params);
  poolParams.delete("analysis");
  const analysis = poolableAnalysis(filters);
  if (analysis) poolParams.set("analysis", analysis);
  const parsedOptions = parsePoolOptionsLenient(poolParams);
  const { options } = parsedOptions;
  const ignored = [...filterIgnored, ...parsedOptions.ignored, ...unknownParameters(params, [...FILTER_PARAMETERS, ...POOL_PARAMETERS, "sort"])];
  const sortParam = params.get("sort");
  let sort: PoolSort = "year";
  if (sortParam && (POOL_SORTS as readonly string[]).includes(sortParam)) sort = sortParam as PoolSort;
  else if (sortParam) ignored.push(note("sort", sortParam, `unknown sort; allowed: ${POOL_SORTS.join(", ")}`));

  const variants = options.ci === "hksj" ? [options, { ...options, ci: "wald" as const }] : [options];
  const { results, printedLabels, endpointRoles } = await poolVariants(db, vocab, { ...filters, offset: 0 }, variants);
  const result = results[0]!;
  const wald = results[1] ?? null;

  const labelOf = comparisonLabeler(vocab, printedLabels);
  const endpointLabel = result.endpoint ? (vocab.endpoints.find((e) => e.code === result.endpoint)?.label ?? result.endpoint) : null;
  const labels = {
    endpoint: endpointLabel,
    exposure: result.comparison ? labelOf(result.comparison.exposure) : null,
    reference: result.comparison ? labelOf(result.comparison.reference) : null,
  };
  const question = endpointLabel && labels.exposure ? (zh ? `${endpointLabel}：${labels.exposure} 对比 ${labels.reference}` : `${endpointLabel}: ${labels.exposure} vs ${labels.reference}`) : t("title");

  // Links keep every other choice and pin the comparison the guard rails chose.
  const state: PoolState = { filters: { ...filters, offset: 0, limit: DEFAULT_LIMIT }, options: { ...options, comparison: result.comparison ?? options.comparison }, sort };
  const link = (change: Partial<PoolOptions> & { sort?: PoolSort }): string => {
    const { sort: nextSort, ...rest } = change;
    return poolHref({ ...state, options: { ...state.options, ...rest }, sort: nextSort ?? state.sort });
  };
  // The analysis class is a filter and a pooling choice at once (as /api/pool): the link sets both.
  const analysisLink = (a: NonNullable<PoolOptions["analysis"]>) =>
    poolHref({ ...state, filters: { ...state.filters, analysis: [a] }, options: { ...state.options, analysis: a } });
  const controls: Control[] = [
    {
      name: "analysis",
      label: "Estimates",
      links: (["multivariable", "univariable", "randomised"] as const).map((a) => ({ value: a, label: ANALYSIS_LABELS[a], href: analysisLink(a), current: result.analysis === a })),
    },
    { name: "method", label: "Estimator", links: POOLING_METHODS.map((m) => ({ value: m, label: POOL_METHOD_LABELS[m], href: link({ method: m }), current: options.method === m })) },
    { name: "ci", label: "Interval", links: INTERVAL_METHODS.map((c) => ({ value: c, label: POOL_INTERVAL_LABELS[c], href: link({ ci: c }), current: options.ci === c })) },
    {
      name: "by",
      label: "Subgroups",
      links: [
        { value: "none", label: "None", href: link({ by: null }), current: options.by === null },
        ...SUBGROUP_KEYS.map((b) => ({ value: b, label: POOL_SUBGROUP_LABELS[b], href: link({ by: b }), current: options.by === b })),
      ],
    },
    { name: "sort", label: "Sort", links: POOL_SORTS.map((s) => ({ value: s, label: POOL_SORT_LABELS[s], href: link({ sort: s }), current: sort === s })) },
  ];

  // The refusal and the settings in the interface's language (lib/pooling keeps the English as identities).
  const refused = result.refusal ? t(`refusal.${result.refusal.code}`, result.refusal.values ?? {}) : (result.refused ?? "");
  const setting = result.setting ? settingLabel(result.setting, locale) : null;
  const levelWords = await getTranslations({ locale, namespace: "facets.level" });
  const subgroupLabel = (group: string): string => {
    if (!zh) return group;
    if (options.by === "setting") return settingLabel(group, locale);
    if (options.by === "design") return vocab.labels.design[group] ?? group;
    return levelWords.has(group) ? levelWords(group) : group;
  };
  const forest = pooledForest(result, sort, zh ? "zh" : "en", subgroupLabel);
  const role = result.endpoint ? endpointRoles[result.endpoint] : undefined;
  const chartTitle = `${question}${result.measure ? ` (${result.measure})` : ""}`;
  const chartCaption = zh
    ? [
        ...(role && endpointLabel && result.measure ? [ratioMeaning(role, endpointLabel, [result.measure], "zh")] : []),
        ...(result.refused
          ? [`未合并：${refused}`]
          : [`方块：各研究的估计值，面积与其权重成正比；菱形跨越合并的 95% CI${result.piLower !== null ? "；虚线为 95% 预测区间（新研究中效应可能所在的范围）" : ""}。`]),
        ...(result.subgroupTest ? [t("subgroupTest", { q: result.subgroupTest.q.toFixed(2), df: String(result.subgroupTest.df), p: formatPValue(result.subgroupTest.p, "zh") })] : []),
        `τ² 估计：${t(`option.${options.method}`)}，区间：${t(`option.${options.ci}`)}；${result.measure ? t("measureWords", { measure: result.measure }) : "比值"}，${result.analysis ? t("analysisWords", { analysis: result.analysis }) : "任意分析类型"}${setting ? `，${setting}` : ""}。数据集版本 ${meta.version}。`,
      ]
    : [
    ...(role && endpointLabel && result.measure ? [ratioMeaning(role, endpointLabel, [result.measure])] : []),
    ...(result.refused
      ? [`Not pooled: ${result.refused}`]
      : [
          `Squares: each study's estimate, their area proportional to its weight; the diamond spans the pooled 95% CI${result.piLower !== null ? "; the dashed line, the 95% prediction interval (where the effect in a new study may lie)" : ""}.`,
        ]),
    ...(result.subgroupTest ? [`Test for subgroup differences: Q = ${result.subgroupTest.q.toFixed(2)}, df = ${result.subgroupTest.df}, ${formatPValue(result.subgroupTest.p)}.`] : []),
    `${POOL_METHOD_LABELS[options.method]} τ², ${POOL_INTERVAL_LABELS[options.ci]} interval; ${MEASURE_WORDS[result.measure ?? ""] ?? "ratios"}, ${ANALYSIS_WORDS[result.analysis ?? ""] ?? "any analysis"}${result.setting ? `, ${result.setting}` : ""}. Dataset version ${meta.version}.`,
  ];
  const methods = methodsParagraph(result, {
    ...(zh
      ? {
          locale: "zh" as const,
          reasonOf: (e: PoolResult["excluded"][number]) => t(`reasons.${e.code}`, reasonValues(e, locale, (level) => vocab.labels.sourceLevel[level] ?? level)),
          refused,
        }
      : {}),
    datasetVersion: meta.version,
    endpointLabel: endpointLabel ?? "the endpoint",
    exposureLabel: labels.exposure ?? "exposure",
    referenceLabel: labels.reference ?? "reference",
  });
  const studyNames = Object.fromEntries(vocab.studies.map((s) => [s.id, s.shortName]));
  return {
    filters,
    options,
    sort,
    ignored,
    result,
    wald,
    labels,
    question,
    forest,
    chartTitle,
    chartCaption,
    methods,
    controls,
    permalink: poolHref(state),
    apiHref: `/api${poolHref({ ...state, sort: "year" })}`,
    browseHref: `/${filtersToQuery({ ...filters, offset: 0, limit: DEFAULT_LIMIT })}`,
    version: meta.version,
    studyNames,
  };
});

