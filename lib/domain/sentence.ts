// A record written the way a clinician reads it:
// "HR 3.37 (1.76–6.47), p<0.001 · multivariable · RAS-mutant vs RAS wild-type · NCCH 2024, Table 2".
// In Chinese (locale "zh") the same numbers in Chinese words:
// "HR 3.37 (1.76–6.47)，p<0.001 · 多因素分析 · RAS-mt vs RAS-wt · NCCH 2024, Table 2". Numbers, study
// names, group labels and locators stay as printed (they are the paper's own words).
import type { EffectRecord } from "./records";

/** The interface's language: English, or Simplified Chinese. */
export type SentenceLocale = "en" | "zh";

export function formatP(p: string | null): string | null {
  if (!p) return null;
  const t = p.trim().replace(/^p\s*/i, "");
  return /^[<>=≤≥]/.test(t) ? `p${t.replace(/^=\s*/, "=")}` : `p=${t}`;
}

/** Measures in Chinese (ratios keep their abbreviations). */
export const MEASURE_WORD_ZH: Record<string, string> = {
  HR: "HR",
  OR: "OR",
  RR: "RR",
  RD: "差值",
  MD: "差值",
  median: "中位数",
  mean: "均值",
  proportion: "比例",
  "percent-change": "变化",
  count: "计数",
};

/** Units the content prints, in Chinese; any other unit stays as printed. */
const UNIT_ZH: Record<string, string> = { months: "个月", years: "年", days: "天", weeks: "周", cycles: "个周期", lesions: "个病灶", minutes: "分钟", "percentage points": "个百分点" };

export const unitText = (unit: string, locale: SentenceLocale = "en"): string => (locale === "zh" ? (UNIT_ZH[unit] ?? unit) : unit);

const MEASURE_WORD: Record<string, string> = {
  HR: "HR",
  OR: "OR",
  RR: "RR",
  RD: "Difference",
  MD: "Difference",
  median: "Median",
  mean: "Mean",
  "percent-change": "Change",
  count: "Count",
};

/** The reading of a damaged printing at the print's own digits: "248" read as 2.48 -> "2.48", "5740" -> "57.40". */
export function readingText(printed: string, value: number): string {
  const digits = printed.replace(/\D/g, "").length;
  const decimals = digits - String(Math.floor(Math.abs(value))).length;
  return decimals >= 0 && decimals <= 6 ? value.toFixed(decimals) : String(value);
}

type Shown = Pick<EffectRecord, "readingReason" | "value" | "valueText" | "ciLower" | "ciLowerText" | "ciUpper" | "ciUpperText" | "rangeLower" | "rangeLowerText" | "rangeUpper" | "rangeUpperText">;
type NumberField = "value" | "ciLower" | "ciUpper" | "rangeLower" | "rangeUpper";

/** A figure as shown: the printed text, or, where damaged print was read, "2.48 (printed 248)". */
export function shownNumber(e: Shown, f: NumberField, locale: SentenceLocale = "en"): string | null {
  const text = e[`${f}Text`];
  const n = e[f];
  if (text === null) return null;
  if (!e.readingReason) return text;
  if (n === null) return locale === "zh" ? `${text}（原文无法辨读）` : `${text} (unreadable as printed)`;
  const read = readingText(text, n);
  return Number(read) === Number(text.replace("−", "-")) ? text : locale === "zh" ? `${read}（原文印作 ${text}）` : `${read} (printed ${text})`;
}

function interval(e: Shown & Pick<EffectRecord, "ciLevel">, withLabel: boolean, locale: SentenceLocale = "en"): string {
  const lo = shownNumber(e, "ciLower", locale);
  const hi = shownNumber(e, "ciUpper", locale);
  if (lo && hi) return ` (${withLabel ? `${e.ciLevel ?? 95}% CI ` : ""}${lo}–${hi})`;
  const rlo = shownNumber(e, "rangeLower", locale);
  const rhi = shownNumber(e, "rangeUpper", locale);
  if (rlo && rhi) return locale === "zh" ? ` (范围 ${rlo}–${rhi})` : ` (range ${rlo}–${rhi})`;
  return "";
}

export const DIRECTION_ZH: Record<string, string> = { worse: "更差", better: "更好", higher: "更高", lower: "更低", shorter: "更短", longer: "更长", "no-difference": "无差异" };

/** The figure itself: "HR 3.37 (1.76–6.47), p<0.001" or "22.3% (27/121)". */
export function figureText(e: EffectRecord, locale: SentenceLocale = "en"): string {
  const zh = locale === "zh";
  const p = formatP(e.p);
  const withP = (s: string) => (p ? `${s}${zh ? "，" : ", "}${p}` : s);
  const unit = e.unit && e.unit !== "%" ? ` ${unitText(e.unit, locale)}` : "";
  const words = zh ? MEASURE_WORD_ZH : MEASURE_WORD;
  const shown = (f: NumberField) => shownNumber(e, f, locale);
  switch (e.kind) {
    case "contrast": {
      const word = words[e.measure ?? ""] ?? e.measure ?? "";
      const pct = e.measure === "percent-change" ? "%" : "";
      return withP(`${word} ${shown("value") ?? "—"}${pct}${e.measure === "RD" || e.measure === "MD" ? unit : ""}${interval(e, false, locale)}`);
    }
    case "arm":
    case "frequency": {
      if (e.measure === "proportion") {
        const count = e.events !== null && e.total !== null ? ` (${e.events}/${e.total})` : e.total !== null ? (zh ? ` (共 ${e.total} 例)` : ` (of ${e.total})`) : "";
        const v = shown("value");
        const value = v !== null ? `${v}%` : e.rangeLowerText ? `${shown("rangeLower")}–${shown("rangeUpper")}%` : "—";
        return withP(`${value}${count}${v !== null && e.ciLowerText ? ` (95% CI ${shown("ciLower")}–${shown("ciUpper")})` : ""}`);
      }
      const word = words[e.measure ?? ""] ?? e.measure ?? "";
      return withP(`${word} ${shown("value") ?? "—"}${unit}${interval(e, true, locale)}`);
    }
    case "p-only":
      return zh ? `${p ?? "未给出 p 值"}（未报告效应量）` : `${p ?? "p not given"} (no effect size reported)`;
    case "direction":
      return zh ? `仅报告方向：${DIRECTION_ZH[e.direction ?? ""] ?? e.direction ?? ""}` : `Direction only: ${e.direction ?? ""}`;
  }
}

const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, "");

/** The comparison as printed (the labels are quotations); only the word joining them is the interface's. */
export function comparisonText(e: EffectRecord, locale: SentenceLocale = "en"): string {
  // An arm's label usually names its regimen already; add the exposure only when it says more
  // (a characteristic such as "T4 stage", an adverse event such as "Proteinuria").
  if (e.kind === "arm" || e.kind === "frequency") {
    const extra = e.group && e.exposure && !squash(e.group).includes(squash(e.exposure)) ? e.exposure : null;
    return [e.group ?? e.exposure, extra].filter(Boolean).join(" — ");
  }
  return [e.exposure, e.reference].filter(Boolean).join(locale === "zh" ? " 对比 " : " vs ");
}

const ANALYSIS_ZH: Record<string, string> = { univariable: "单因素分析", multivariable: "多因素分析", randomised: "随机对照比较", descriptive: "描述性", "not-reported": "分析方法未报告" };

export function analysisText(e: EffectRecord, locale: SentenceLocale = "en"): string {
  if (locale === "zh") return e.computed ? "计算所得" : (ANALYSIS_ZH[e.analysis] ?? e.analysis);
  if (e.computed) return "computed";
  return e.analysis === "not-reported" ? "analysis not reported" : e.analysis;
}

export function sourceText(e: EffectRecord): string {
  return `${e.studyShortName}, ${e.locator}`;
}

export function clinicalSentence(e: EffectRecord, locale: SentenceLocale = "en"): string {
  return [figureText(e, locale), analysisText(e, locale), comparisonText(e, locale), sourceText(e)].filter(Boolean).join(" · ");
}

/** What a reader needs beside a figure, about the study it comes from (one query per page: findStudyFacts). */
export type StudyFacts = {
  id: string;
  n: number | null;
  designLabel: string;
  /** The design's code, where known: the page shows its label in the interface's language. */
  design?: string;
  arms: { id: string; label: string; n: number | null; molecularGroup: string | null; treatment: string | null }[];
};

/** "N 150", or "N not reported" (review-cited studies often give none). */
export function studySizeText(n: number | null | undefined, locale: SentenceLocale = "en"): string {
  return n === null || n === undefined ? (locale === "zh" ? "N 未报告" : "N not reported") : `N ${n}`;
}

type ArmFacts = StudyFacts["arms"][number];

/** The study arm a comparison group code names: an arm id, or the one arm of that molecular group or treatment. */
function armFor(code: string | null, arms: ArmFacts[]): ArmFacts | undefined {
  if (!code) return undefined;
  const byId = arms.find((a) => a.id === code);
  if (byId) return byId;
  for (const key of ["molecularGroup", "treatment"] as const) {
    const hits = arms.filter((a) => a[key] === code);
    if (hits.length === 1) return hits[0];
  }
  return undefined;
}

/**
 * The size of what the figure describes: "n 63 vs 87" for a contrast whose two groups are arms of
 * the study; "n 121" or "40/121 events" for an arm. Null where the figure already shows n/N (a
 * proportion) or the groups are not arms (a covariate's levels).
 */
export function armSizeText(e: Pick<EffectRecord, "kind" | "measure" | "events" | "total" | "exposureGroup" | "referenceGroup" | "groupKey">, arms: ArmFacts[], locale: SentenceLocale = "en"): string | null {
  const zh = locale === "zh";
  if (e.kind === "arm" || e.kind === "frequency") {
    if (e.measure === "proportion" && e.total !== null) return null;
    if (e.measure === "count" && e.total !== null) return zh ? `共 ${e.total} 例` : `of ${e.total}`;
    if (e.events !== null && e.total !== null) return zh ? `${e.events}/${e.total} 例事件` : `${e.events}/${e.total} events`;
    if (e.total !== null) return `n ${e.total}`;
    const arm = armFor(e.groupKey, arms);
    return arm?.n != null ? `n ${arm.n}` : null;
  }
  const x = armFor(e.exposureGroup, arms);
  const r = armFor(e.referenceGroup, arms);
  if (x && r && x !== r && x.n !== null && r.n !== null) return `n ${x.n} vs ${r.n}`;
  if (e.events !== null && e.total !== null) return zh ? `${e.events}/${e.total} 例事件` : `${e.events}/${e.total} events`;
  return null;
}

/** The analysis in full: "multivariable, adjusted for RAS status, CRLM size > 5 cm" or "univariable (unadjusted)". */
export function analysisDetailText(e: Pick<EffectRecord, "computed" | "analysis" | "covariates">, locale: SentenceLocale = "en"): string {
  if (locale === "zh") return analysisDetailTextZh(e);
  if (e.computed) return "computed from printed figures";
  switch (e.analysis) {
    case "multivariable":
      return e.covariates.length ? `multivariable, adjusted for ${e.covariates.join(", ")}` : "multivariable (covariates not listed)";
    case "univariable":
      return "univariable (unadjusted)";
    case "randomised":
      return "randomised comparison";
    case "not-reported":
      return "analysis not reported";
    default:
      return e.analysis;
  }
}

/** The same in Chinese; the covariates stay as the paper names them. */
function analysisDetailTextZh(e: Pick<EffectRecord, "computed" | "analysis" | "covariates">): string {
  if (e.computed) return "由原文数字计算所得";
  switch (e.analysis) {
    case "multivariable":
      return e.covariates.length ? `多因素分析，校正因素：${e.covariates.join("、")}` : "多因素分析（未列出校正因素）";
    case "univariable":
      return "单因素分析（未校正）";
    case "randomised":
      return "随机对照比较";
    case "not-reported":
      return "分析方法未报告";
    default:
      return ANALYSIS_ZH[e.analysis] ?? e.analysis;
  }
}

/** A label inside a sentence: "Retrospective cohort" -> "retrospective cohort", "RCT" stays. */
const midSentence = (label: string) => (/^[A-Z][a-z]/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label);

/** "N 150 · n 63 vs 87 · retrospective cohort · multivariable, adjusted for …"; without facts, the analysis alone. */
export function readerContextText(e: EffectRecord, study: StudyFacts | null | undefined, locale: SentenceLocale = "en"): string {
  const parts = study ? [studySizeText(study.n, locale), armSizeText(e, study.arms, locale), locale === "zh" ? study.designLabel : midSentence(study.designLabel)] : [];
  return [...parts, analysisDetailText(e, locale)].filter(Boolean).join(" · ");
}
