// Chart series, built on the server from effect records: the browser receives ready-made rows and
// never aggregates raw tables. Pure functions, tested in series.test.ts.
import { analysisDetailText, armSizeText, shownNumber, studySizeText, type StudyFacts } from "../domain/sentence";
import type { EffectRecord } from "../domain/records";
import type { EndpointRole } from "../content/schema";

export const RATIO = new Set(["HR", "OR", "RR"]);


/** A plotted figure: numbers to draw, and the text to print exactly as the source did ("0.70"). */
export type PlottedFigure = {
  value: number;
  lower: number | null;
  upper: number | null;
  valueText: string;
  lowerText: string | null;
  upperText: string | null;
};

export type ForestRow = PlottedFigure & {
  id: string;
  label: string; // study · comparison · analysis
  study: string;
  comparison: string;
  analysis: string;
  measure: string;
  p: string | null;
  flagged: boolean;
  computed: boolean;
  sourceLevel: string;
  reportedLevel: string;
  href: string;
  /** Shown because a filter selects another arm of its comparison (lib/data/find-effects.ts findComparators). */
  comparator: boolean;
  /** The study's N and year (null: not reported), the compared arms' n or events/N, the design, the analysis with its covariates. */
  n: number | null;
  year: number | null;
  armSize: string | null;
  design: string | null;
  analysisDetail: string;
  /** Other printings of this estimate folded into the row (lib/data/chart-records.ts), and those that print another figure. */
  alsoPrintedIn: string[];
  disagreements: string[];
};
export type ForestGroup = { endpoint: string; endpointLabel: string; endpointRole: EndpointRole; meaning: string; rows: ForestRow[] };

export function effectHref(e: Pick<EffectRecord, "studyId" | "recordId">): string {
  return `/studies/${e.studyId}#${encodeURIComponent(e.recordId)}`;
}

/**
 * What a value above 1 means for the rows of one chart, in words. Hazard ratios of time-to-event
 * endpoints count the event (death, progression ...); odds and risk ratios count whatever the arms
 * count, which for a survival endpoint is usually being alive at a time point: that sentence must
 * not say "worse".
 */
export function ratioMeaning(role: EndpointRole, endpointLabel: string, measures: string[], locale: "en" | "zh" = "en"): string {
  const m = [...new Set(measures)].join("/");
  const hazard = measures.every((x) => x === "HR");
  if (locale === "zh") {
    if (hazard && role === "time-to-event") return `${m} 大于 1：首先列出的组事件（死亡、进展、复发或手术失败）风险更高，即对该组更差；小于 1：更好。`;
    if (role === "favourable") return `${m} 大于 1：首先列出的组更可能出现${endpointLabel}（对该组更好）；小于 1：更不可能。`;
    if (role === "unfavourable") return `${m} 大于 1：首先列出的组更可能出现${endpointLabel}（对该组更差）；小于 1：更不可能。`;
    return `${m} 大于 1：各组所计数的结局（见各条记录，例如某时间点存活）在首先列出的组中更常见；小于 1：更少见。`;
  }
  if (hazard && role === "time-to-event")
    return `${m} above 1: higher hazard of the event (death, progression, recurrence or surgical failure) in the first-named group, i.e. worse for it; below 1: better.`;
  if (role === "favourable")
    return `${m} above 1: ${endpointLabel.toLowerCase()} more likely in the first-named group (better for it); below 1: less likely.`;
  if (role === "unfavourable")
    return `${m} above 1: ${endpointLabel.toLowerCase()} more likely in the first-named group (worse for it); below 1: less likely.`;
  return `${m} above 1: the outcome counted in the arms (see each record, e.g. alive at a time point) is more frequent in the first-named group; below 1: less frequent.`;
}

/**
 * Records whose figure is impossible (an implausible printing not yet read, an estimate outside its
 * own CI) are listed with the records but not drawn: one "5740 months" would flatten the axis. A
 * damaged printing that has a reading is drawn at its reading.
 */
/** Marked on a chart: an error or a warning; notes (rounding, updates, confirmed readings) stay quiet. */
export function isFlagged(e: EffectRecord): boolean {
  return e.flags.some((f) => f.severity !== "note");
}

export function notDrawable(e: EffectRecord): boolean {
  return e.flags.some((f) => f.code === "implausible-value" || f.code === "estimate-outside-ci");
}

export function undrawnCount(effects: EffectRecord[]): number {
  return effects.filter((e) => notDrawable(e) && (e.kind === "arm" || (e.measure !== null && RATIO.has(e.measure)))).length;
}

/**
 * A record as the charts get it (lib/data/chart-records.ts): comparator where a filter selected
 * another arm of its comparison; the printings folded into it; its study's facts.
 */
export type ChartedEffect = EffectRecord & {
  comparator?: boolean;
  alsoPrintedIn?: string[];
  disagreements?: string[];
  study?: (Pick<StudyFacts, "n" | "designLabel" | "arms"> & { year: number | null }) | null;
};

/** "N 150 · n 63 vs 87 · retrospective cohort · multivariable, adjusted for …": what a reader needs beside an estimate. */
export function estimateContext(e: ChartedEffect): string {
  const design = e.study ? (/^[A-Z][a-z]/.test(e.study.designLabel) ? e.study.designLabel[0]!.toLowerCase() + e.study.designLabel.slice(1) : e.study.designLabel) : null;
  const parts = e.study ? [studySizeText(e.study.n), armSizeText(e, e.study.arms), design] : [];
  return [...parts, analysisDetailText(e)].filter(Boolean).join(" · ");
}

export function forestGroups(effects: ChartedEffect[]): ForestGroup[] {
  const rows = effects.filter((e) => e.measure && RATIO.has(e.measure) && e.value !== null && e.value > 0 && !notDrawable(e));
  // Hazard ratios and odds/risk ratios of one endpoint go in separate charts: they count different things.
  const groups = new Map<string, ForestGroup>();
  for (const e of rows) {
    const key = `${e.endpoint}|${e.measure === "HR" ? "HR" : "OR/RR"}`;
    const g = groups.get(key) ?? { endpoint: e.endpoint, endpointLabel: e.endpointLabel, endpointRole: e.endpointRole, meaning: "", rows: [] };
    const comparison = `${e.exposure ?? "?"} vs ${e.reference ?? "?"}`;
    g.rows.push({
      id: e.id,
      label: `${e.studyShortName} · ${comparison} · ${estimateContext(e)}`,
      study: e.studyShortName,
      comparison,
      analysis: e.analysis,
      measure: e.measure!,
      value: e.value!,
      lower: e.ciLower,
      upper: e.ciUpper,
      valueText: shownNumber(e, "value") ?? String(e.value),
      lowerText: shownNumber(e, "ciLower"),
      upperText: shownNumber(e, "ciUpper"),
      p: e.p,
      flagged: isFlagged(e),
      computed: e.computed,
      sourceLevel: e.sourceLevel,
      reportedLevel: e.reportedLevel,
      href: effectHref(e),
      comparator: e.comparator === true,
      n: e.study?.n ?? null,
      year: e.study?.year ?? null,
      armSize: e.study ? armSizeText(e, e.study.arms) : null,
      design: e.study?.designLabel ?? null,
      analysisDetail: analysisDetailText(e),
      alsoPrintedIn: e.alsoPrintedIn ?? [],
      disagreements: e.disagreements ?? [],
    });
    groups.set(key, g);
  }
  for (const g of groups.values()) g.meaning = ratioMeaning(g.endpointRole, g.endpointLabel, g.rows.map((r) => r.measure));
  return [...groups.values()];
}

/** Forest-plot orders (a URL parameter, `sort=`): the list's order where none is asked for. */
export const FOREST_SORTS = ["study", "year", "estimate", "n"] as const;
export type ForestSort = (typeof FOREST_SORTS)[number];
export const FOREST_SORT_LABELS: Record<ForestSort, string> = { study: "Study", year: "Year", estimate: "Estimate", n: "N" };

/** Rows sorted: by study name (then year), year (oldest first), estimate (smallest first) or N (largest first); unknowns last, ties in list order. */
export function sortForestRows(rows: ForestRow[], sort: ForestSort | null): ForestRow[] {
  if (!sort) return rows;
  const last = (x: number | null, sign: 1 | -1) => (x === null ? Number.POSITIVE_INFINITY : sign * x);
  const by: Record<ForestSort, (a: ForestRow, b: ForestRow) => number> = {
    study: (a, b) => a.study.localeCompare(b.study) || last(a.year, 1) - last(b.year, 1),
    year: (a, b) => last(a.year, 1) - last(b.year, 1) || a.study.localeCompare(b.study),
    estimate: (a, b) => a.value - b.value,
    n: (a, b) => last(a.n, -1) - last(b.n, -1),
  };
  return rows.map((r, i) => ({ r, i })).sort((a, b) => by[sort](a.r, b.r) || a.i - b.i).map((x) => x.r);
}

export type ArmPoint = PlottedFigure & {
  id: string;
  study: string;
  studyId: string;
  comparisonKey: string; // study + comparison: bars of one comparison are drawn side by side
  comparisonLabel: string;
  arm: string;
  intervalKind: "ci" | "range" | null;
  events: number | null;
  total: number | null;
  unit: string | null;
  flagged: boolean;
  sourceLevel: string;
  href: string;
  /** Shown because a filter selects another arm of its comparison. */
  comparator: boolean;
  /** Other printings folded into the point, and those that print another figure. */
  alsoPrintedIn: string[];
  disagreements: string[];
};
export type ArmGroup = { endpoint: string; endpointLabel: string; measure: "proportion" | "median"; unit: string; points: ArmPoint[] };


export function armGroups(effects: ChartedEffect[]): ArmGroup[] {
  const arms = effects.filter(
    (e) => e.kind === "arm" && (e.measure === "proportion" || e.measure === "median") && e.value !== null && e.endpointRole !== "descriptive" && !notDrawable(e),
  );
  const groups = new Map<string, ArmGroup>();
  for (const e of arms) {
    const measure = e.measure as "proportion" | "median";
    const key = `${e.endpoint}|${measure}`;
    const g = groups.get(key) ?? { endpoint: e.endpoint, endpointLabel: e.endpointLabel, measure, unit: measure === "proportion" ? "%" : (e.unit ?? "months"), points: [] };
    const ci = e.ciLower !== null && e.ciUpper !== null;
    const range = !ci && e.rangeLower !== null && e.rangeUpper !== null;
    g.points.push({
      id: e.id,
      study: e.studyShortName,
      studyId: e.studyId,
      comparisonKey: `${e.studyId}|${e.comparison ?? e.locator}|${e.document}`,
      comparisonLabel: `${e.studyShortName}${e.sourceLevel === "secondary" ? " (as cited)" : ""}${e.timepoint ? `, ${e.timepoint}` : ""}`,
      arm: e.group ?? e.exposure ?? "all",
      value: e.value!,
      lower: ci ? e.ciLower : range ? e.rangeLower : null,
      upper: ci ? e.ciUpper : range ? e.rangeUpper : null,
      valueText: shownNumber(e, "value") ?? String(e.value),
      lowerText: ci ? e.ciLowerText : range ? e.rangeLowerText : null,
      upperText: ci ? e.ciUpperText : range ? e.rangeUpperText : null,
      intervalKind: ci ? "ci" : range ? "range" : null,
      events: e.events,
      total: e.total,
      unit: e.unit,
      flagged: isFlagged(e),
      sourceLevel: e.sourceLevel,
      href: effectHref(e),
      comparator: e.comparator === true,
      alsoPrintedIn: e.alsoPrintedIn ?? [],
      disagreements: e.disagreements ?? [],
    });
    groups.set(key, g);
  }
  return [...groups.values()];
}

export type AlleleBar = { study: string; studyId: string; allele: string; value: number; valueText: string; events: number | null; total: number | null; flagged: boolean; sourceLevel: string; href: string };

export function alleleSpectrum(effects: EffectRecord[], alleleCodes: Set<string>): AlleleBar[] {
  return effects
    .filter((e) => e.endpoint === "mutation-frequency" && e.measure === "proportion" && e.value !== null && !notDrawable(e) && e.molecularGroups.some((g) => alleleCodes.has(g)))
    .map((e) => ({
      study: `${e.studyShortName}${e.sourceLevel === "secondary" ? " (as cited)" : ""}`,
      studyId: e.studyId,
      allele: e.molecularGroups.find((g) => alleleCodes.has(g))!,
      value: e.value!,
      valueText: shownNumber(e, "value") ?? String(e.value),
      events: e.events,
      total: e.total,
      flagged: isFlagged(e),
      sourceLevel: e.sourceLevel,
      href: effectHref(e),
    }));
}

// ---------------------------------------------------------------------------------------------
// Pooled forest plots (/pool and the one-line summaries under the browser's forest plots): the
// pooled answer of lib/pooling as rows to draw and sentences to print. The numbers here are
// computed, not printed by a source, so they are rounded for reading (formatRatio); the records'
// own figures stay as printed in the browser's plots.
import type { PoolResult } from "../pooling/pool";
import { pooledRowLabel } from "../pooling/row-label";

export const POOL_SORTS = ["year", "study", "estimate", "weight", "n"] as const;
export type PoolSort = (typeof POOL_SORTS)[number];
export const POOL_SORT_LABELS: Record<PoolSort, string> = { year: "Year", study: "Study", estimate: "Estimate", weight: "Weight", n: "N" };
export const POOL_METHOD_LABELS: Record<PoolResult["method"], string> = { REML: "REML", DL: "DerSimonian–Laird", PM: "Paule–Mandel", FE: "Fixed effect" };
export const POOL_METHOD_SHORT: Record<PoolResult["method"], string> = { REML: "REML", DL: "DL", PM: "PM", FE: "FE" };
export const POOL_INTERVAL_LABELS: Record<PoolResult["ci"], string> = { hksj: "HKSJ", wald: "Wald", "hksj-truncated": "HKSJ truncated" };
export const POOL_SUBGROUP_LABELS: Record<"level" | "setting" | "design", string> = { level: "Molecular level", setting: "Setting", design: "Study design" };

/** A computed ratio for reading: two decimals in the usual range, bounded text far outside it. */
export function formatRatio(x: number | null): string {
  if (x === null || !Number.isFinite(x)) return "—";
  if (x < 0.001) return "<0.001";
  if (x > 1000) return ">1000";
  if (x >= 100) return x.toFixed(0);
  if (x >= 10) return x.toFixed(1);
  if (x >= 0.1) return x.toFixed(2);
  return x.toPrecision(2);
}

export function formatRatioInterval(lower: number | null, upper: number | null): string {
  return `${formatRatio(lower)}–${formatRatio(upper)}`;
}

/** "p = 0.025", "p < 0.001"; where none could be computed, says so in the interface's language. */
export function formatPValue(p: number | null, locale: "en" | "zh" = "en"): string {
  if (p === null || !Number.isFinite(p)) return locale === "zh" ? "p 值未计算" : "p not computed";
  if (p < 0.001) return "p < 0.001";
  return `p = ${p < 0.1 ? p.toFixed(3) : p.toFixed(2)}`;
}

/** "Pooled (REML, HKSJ)". */
export function poolMethodText(r: Pick<PoolResult, "method" | "ci">): string {
  return `${POOL_METHOD_SHORT[r.method]}, ${POOL_INTERVAL_LABELS[r.ci]}`;
}

export type PooledStudyRow = {
  kind: "study";
  key: string;
  id: string;
  studyId: string;
  href: string;
  /** Study, year and what the reader must know: "(inverted)", "(KRAS level)". */
  label: string;
  study: string;
  year: number | null;
  n: number | null;
  estimate: number;
  ciLower: number;
  ciUpper: number;
  weight: number;
  inverted: boolean;
  narrower: boolean;
  subgroup: string | null;
};
export type PooledDiamondRow = {
  kind: "pooled";
  key: string;
  scope: "subgroup" | "overall";
  label: string;
  k: number;
  estimate: number;
  ciLower: number;
  ciUpper: number;
  piLower: number | null;
  piUpper: number | null;
  i2: number | null;
  tau2: number | null;
};
export type PooledHeaderRow = { kind: "header"; key: string; label: string };
export type PooledForestRow = PooledHeaderRow | PooledStudyRow | PooledDiamondRow;
export type PooledForest = { measure: string; rows: PooledForestRow[]; subgrouped: boolean };

const NOT_STATED = "not stated";

function sortRows(rows: PoolResult["rows"], sort: PoolSort): PoolResult["rows"] {
  const byName = (a: PoolResult["rows"][number], b: PoolResult["rows"][number]) => a.study.localeCompare(b.study);
  const nullsLast = (a: number | null, b: number | null, dir: 1 | -1) => (a === null ? (b === null ? 0 : 1) : b === null ? -1 : dir * (a - b));
  const compare: Record<PoolSort, (a: PoolResult["rows"][number], b: PoolResult["rows"][number]) => number> = {
    year: (a, b) => nullsLast(a.year, b.year, 1) || byName(a, b),
    study: (a, b) => byName(a, b) || nullsLast(a.year, b.year, 1),
    estimate: (a, b) => a.estimate - b.estimate || byName(a, b),
    weight: (a, b) => b.weight - a.weight || byName(a, b),
    n: (a, b) => nullsLast(a.n, b.n, -1) || byName(a, b),
  };
  return [...rows].sort(compare[sort]);
}

/**
 * The rows of a pooled forest plot: each included estimate (sorted), then the pooled diamond; with
 * subgroups, each subgroup's estimates under a heading and its own diamond, then the overall one.
 * Refused pools (k < 2) have no diamond: the estimate, if any, stands alone.
 */
export function pooledForest(result: PoolResult, sort: PoolSort = "year", locale: "en" | "zh" = "en", groupLabel: (group: string) => string = (g) => g): PooledForest | null {
  const zh = locale === "zh";
  if (result.rows.length === 0 || !result.measure) return null;
  const studyRow = (r: PoolResult["rows"][number]): PooledStudyRow => {
    const label = zh ? pooledRowLabel(r, "zh") : r.label;
    return {
    kind: "study",
    key: r.id,
    id: r.id,
    studyId: r.studyId,
    href: `/studies/${r.studyId}#${encodeURIComponent(r.id.slice(r.id.indexOf("/") + 1))}`,
    label: r.year !== null && !r.study.includes(String(r.year)) ? label.replace(r.study, `${r.study}, ${r.year}`) : label,
    study: r.study,
    year: r.year,
    n: r.n,
    estimate: r.estimate,
    ciLower: r.ciLower,
    ciUpper: r.ciUpper,
    weight: r.weight,
    inverted: r.inverted,
    narrower: r.narrower,
    subgroup: r.subgroup === null ? null : groupLabel(r.subgroup),
    };
  };
  const overall = (): PooledDiamondRow[] =>
    result.refused || result.estimate === null
      ? []
      : [
          {
            kind: "pooled",
            key: "pooled:overall",
            scope: "overall",
            label: `${result.subgroups ? (zh ? "总体" : "Overall") : zh ? "合并" : "Pooled"} (${poolMethodText(result)}), k = ${result.k}${result.piLower !== null ? ` · 95% PI ${formatRatioInterval(result.piLower, result.piUpper)}` : ""}`,
            k: result.k,
            estimate: result.estimate,
            ciLower: result.ciLower!,
            ciUpper: result.ciUpper!,
            piLower: result.piLower,
            piUpper: result.piUpper,
            i2: result.i2,
            tau2: result.tau2,
          },
        ];
  if (!result.subgroups || result.refused) {
    return { measure: result.measure, rows: [...sortRows(result.rows, sort).map(studyRow), ...overall()], subgrouped: false };
  }
  const rows: PooledForestRow[] = [];
  for (const g of result.subgroups) {
    const members = result.rows.filter((r) => (r.subgroup ?? NOT_STATED) === g.group);
    const heading = groupLabel(g.group);
    rows.push({ kind: "header", key: `header:${g.group}`, label: zh ? `${heading}（k = ${g.k}）` : `${heading.charAt(0).toUpperCase()}${heading.slice(1)} (k = ${g.k})` });
    rows.push(...sortRows(members, sort).map(studyRow));
    rows.push({
      kind: "pooled",
      key: `pooled:${g.group}`,
      scope: "subgroup",
      label: `${zh ? "小计" : "Subtotal"}, k = ${g.k}${g.k > 1 ? ` · I² ${g.i2.toFixed(0)}%` : zh ? "（即该研究本身）" : " (the study itself)"}`,
      k: g.k,
      estimate: g.estimate,
      ciLower: g.ciLower,
      ciUpper: g.ciUpper,
      piLower: g.piLower,
      piUpper: g.piUpper,
      i2: g.k > 1 ? g.i2 : null,
      tau2: g.k > 1 ? g.tau2 : null,
    });
  }
  const all = overall();
  if (all.length) rows.push({ kind: "header", key: "header:overall", label: zh ? "全部研究" : "All studies" }, ...all);
  return { measure: result.measure, rows, subgrouped: true };
}

/** The heterogeneity of a pooled result in one line (τ² with its Q-profile CI, I², H², Q). */
export function heterogeneityText(r: PoolResult, locale: "en" | "zh" = "en"): string | null {
  if (r.refused || r.q === null) return null;
  // The Q-profile search stops at max(100, 10 τ²): an upper bound there is a limit, not a crossing (metafor prints ">").
  const atLimit = r.tau2CiAtSearchLimit === true;
  const tau2 =
    r.method === "FE"
      ? "fixed-effect model: τ² taken as 0"
      : `τ² = ${r.tau2!.toFixed(3)}${r.tau2CiLower !== null ? ` (95% CI ${r.tau2CiLower.toFixed(3)} to ${atLimit ? ">" : ""}${r.tau2CiUpper!.toFixed(3)})` : ""}`;
  if (locale === "zh") {
    const tau2Zh =
      r.method === "FE"
        ? "固定效应模型：τ² 取 0"
        : `τ² = ${r.tau2!.toFixed(3)}${r.tau2CiLower !== null ? `（95% CI ${r.tau2CiLower.toFixed(3)} 至 ${atLimit ? ">" : ""}${r.tau2CiUpper!.toFixed(3)}）` : ""}`;
    return `异质性：${tau2Zh}；I² = ${r.i2!.toFixed(0)}%；H² = ${r.h2!.toFixed(2)}；Q = ${r.q.toFixed(2)}（df = ${r.qDf}，${formatPValue(r.qP, "zh")}）。`;
  }
  return `Heterogeneity: ${tau2}; I² = ${r.i2!.toFixed(0)}%; H² = ${r.h2!.toFixed(2)}; Q = ${r.q.toFixed(2)} (df = ${r.qDf}, ${formatPValue(r.qP)}).`;
}

/** The pooled estimate in one line: "OR 0.78 (95% CI 0.68–0.88), p = 0.025; 95% prediction interval 0.68–0.88". */
export function pooledEstimateText(r: PoolResult, locale: "en" | "zh" = "en"): string | null {
  if (r.refused || r.estimate === null) return null;
  if (locale === "zh") {
    const piZh = r.piLower !== null ? `；95% 预测区间 ${formatRatioInterval(r.piLower, r.piUpper)}` : r.method === "FE" ? "；固定效应模型不给出预测区间" : "";
    return `${r.measure} ${formatRatio(r.estimate)}（95% CI ${formatRatioInterval(r.ciLower, r.ciUpper)}），${formatPValue(r.p, "zh")}${piZh}`;
  }
  const pi = r.piLower !== null ? `; 95% prediction interval ${formatRatioInterval(r.piLower, r.piUpper)}` : r.method === "FE" ? "; no prediction interval for a fixed-effect model" : "";
  return `${r.measure} ${formatRatio(r.estimate)} (95% CI ${formatRatioInterval(r.ciLower, r.ciUpper)}), ${formatPValue(r.p)}${pi}`;
}

/** "Only one usable estimate: nothing to pool. …" → "only one usable estimate". */
export function refusalShort(r: Pick<PoolResult, "refused">): string | null {
  if (!r.refused) return null;
  const head = r.refused.split(":")[0]!.trim();
  return `${head.charAt(0).toLowerCase()}${head.slice(1)}`;
}

/**
 * The line under a browser forest plot: the pooled answer for its most-studied comparison, or
 * quietly why there is none.
 */
export function pooledSummaryText(r: PoolResult, labels: { exposure: string; reference: string }, locale: "en" | "zh" = "en"): { pooled: boolean; text: string } {
  if (locale === "zh") {
    const vs = r.comparison ? `${labels.exposure} 对比 ${labels.reference}` : null;
    if (r.refused || r.estimate === null) {
      const why = r.refusal?.code === "one" ? "仅有一个可用估计值" : r.refusal?.code === "none" ? "无法合并任何估计值" : r.refusal?.code === "recordLimit" ? "匹配的记录过多" : "无可合并";
      return { pooled: false, text: `${r.measure ? `${r.measure} 未合并` : "未合并"}：${why}${vs ? `（${vs}）` : ""}` };
    }
    const piZh = r.piLower !== null ? `，PI ${formatRatioInterval(r.piLower, r.piUpper)}` : "";
    return { pooled: true, text: `合并（${poolMethodText(r)}），${vs}：${r.measure} ${formatRatio(r.estimate)}（${formatRatioInterval(r.ciLower, r.ciUpper)}）${piZh}，I² ${r.i2!.toFixed(0)}%，k = ${r.k}` };
  }
  const comparison = r.comparison ? `${labels.exposure} vs ${labels.reference}` : null;
  if (r.refused || r.estimate === null)
    return { pooled: false, text: `${r.measure ? `${r.measure} not pooled` : "Not pooled"}: ${refusalShort(r) ?? "nothing to pool"}${comparison ? ` for ${comparison}` : ""}` };
  const pi = r.piLower !== null ? `, PI ${formatRatioInterval(r.piLower, r.piUpper)}` : "";
  return {
    pooled: true,
    text: `Pooled (${poolMethodText(r)}), ${comparison}: ${r.measure} ${formatRatio(r.estimate)} (${formatRatioInterval(r.ciLower, r.ciUpper)})${pi}, I² ${r.i2!.toFixed(0)}%, k = ${r.k}`,
  };
}

/** The key a browser forest plot is drawn under (one chart per endpoint for HR, one for OR/RR). */
export function forestGroupKey(g: Pick<ForestGroup, "endpoint" | "rows">): string {
  return `${g.endpoint}|${g.rows[0]?.measure === "HR" ? "HR" : "OR"}`;
}

/**
 * What a reader of an HKSJ interval must be told: with two studies it rests on t with 1 df; when
 * the studies agree more closely than their standard errors predict (Knapp–Hartung factor below 1),
 * the untruncated interval is narrower than the Wald one. `wald`: the same records with Wald intervals.
 */
export function intervalWarnings(r: PoolResult, wald: PoolResult | null, locale: "en" | "zh" = "en"): string[] {
  if (r.refused || r.ci !== "hksj" || r.ciLower === null || r.ciUpper === null) return [];
  const out: string[] = [];
  const zh = locale === "zh";
  if (r.k === 2)
    out.push(zh ? "仅有两项研究：HKSJ 区间基于自由度为 1 的 t 分布，且两项估计值几乎无法估计 τ²。" : "Only two studies: the HKSJ interval rests on a t distribution with 1 degree of freedom, and τ² can barely be estimated from two estimates.");
  if (wald && wald.ciLower !== null && wald.ciUpper !== null && Math.log(r.ciUpper / r.ciLower) < Math.log(wald.ciUpper / wald.ciLower) - 1e-9)
    out.push(
      zh
        ? `HKSJ 区间（${formatRatioInterval(r.ciLower, r.ciUpper)}）窄于 Wald 区间（${formatRatioInterval(wald.ciLower, wald.ciUpper)}）：各研究间的一致程度高于其标准误所预期（Knapp–Hartung 因子小于 1），因此未截断的区间声称的确定性高于研究所能提供的。`
        : `The HKSJ interval (${formatRatioInterval(r.ciLower, r.ciUpper)}) is narrower than the Wald interval (${formatRatioInterval(wald.ciLower, wald.ciUpper)}): the studies agree more closely than their standard errors predict (Knapp–Hartung factor below 1), so the untruncated interval claims more certainty than the studies give.`,
    );
  return out;
}
