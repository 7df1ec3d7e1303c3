// Words the Summary-of-Findings pages show for GRADE and risk-of-bias codes, in one place.
// lib/grade/docx.ts keeps its own copy of the domain names and certainty marks (not exported);
// both could move to lib/grade once that module exports them.
import type { Certainty, Domains, Rating } from "@/lib/grade/certainty";
import type { RiskOfBiasContent } from "@/lib/content/schema";

export const GRADE_DOMAIN_ORDER = ["riskOfBias", "inconsistency", "indirectness", "imprecision", "publicationBias"] as const satisfies readonly (keyof Domains)[];
export type GradeDomain = (typeof GRADE_DOMAIN_ORDER)[number];

export const DOMAIN_NAMES: Record<GradeDomain, string> = {
  riskOfBias: "Risk of bias",
  inconsistency: "Inconsistency",
  indirectness: "Indirectness",
  imprecision: "Imprecision",
  publicationBias: "Publication bias",
};

/** GRADE's domains and ratings in GRADE's Chinese wording, for the Chinese interface. */
export const DOMAIN_NAMES_ZH: Record<GradeDomain, string> = {
  riskOfBias: "偏倚风险",
  inconsistency: "不一致性",
  indirectness: "间接性",
  imprecision: "不精确性",
  publicationBias: "发表偏倚",
};
export const RATING_LABELS_ZH: Record<Rating, string> = {
  "not serious": "不严重",
  serious: "严重",
  "very serious": "非常严重",
  "extremely serious": "极其严重",
  "not applicable": "不适用",
};
/** The domain names and rating labels in the interface's language. */
export const gradeWords = (locale: string) =>
  locale === "zh" ? { domains: DOMAIN_NAMES_ZH, ratings: RATING_LABELS_ZH, ratedUp: "升级" } : { domains: DOMAIN_NAMES, ratings: RATING_LABELS, ratedUp: "Rated up" };

/** GRADE's symbols: filled circles for the levels of certainty, open ones for the levels lost. */
export const CERTAINTY_MARKS: Record<Certainty, { symbols: string; label: string }> = {
  high: { symbols: "⊕⊕⊕⊕", label: "High" },
  moderate: { symbols: "⊕⊕⊕◯", label: "Moderate" },
  low: { symbols: "⊕⊕◯◯", label: "Low" },
  "very low": { symbols: "⊕◯◯◯", label: "Very low" },
};

export const RATING_LABELS: Record<Rating, string> = {
  "not serious": "Not serious",
  serious: "Serious",
  "very serious": "Very serious",
  "extremely serious": "Extremely serious",
  "not applicable": "Not applicable",
};

export const IMPORTANCE_LABELS: Record<"critical" | "important", string> = { critical: "Critical", important: "Important" };
export const QUESTION_KIND_LABELS: Record<string, string> = { prognostic: "Prognostic factor", intervention: "Intervention" };

/** The figures behind each domain's rating (lib/grade/certainty.ts `numbers`), in words. */
const NUMBER_LABELS: Record<string, string> = {
  weightedSeriousness: "Weighted concern (0 low … 2 critical)",
  k: "Studies with an estimate (k)",
  i2: "I² (%)",
  tau2: "τ²",
  piLower: "Prediction interval, lower",
  piUpper: "Prediction interval, upper",
  significantlyAbove1: "Studies significantly above 1",
  significantlyBelow1: "Studies significantly below 1",
  indirectWeightPercent: "Weight from indirect evidence (%)",
  severalReasonsWeightPercent: "Weight indirect for several reasons (%)",
  ciLower: "95% CI, lower",
  ciUpper: "95% CI, upper",
  thresholdLower: "Threshold of an important effect, lower",
  thresholdUpper: "Threshold of an important effect, upper",
  participants: "Participants",
  optimalInformationSize: "Optimal information size",
  eggerIntercept: "Egger intercept",
  eggerP: "Egger p",
};

const NUMBER_LABELS_ZH: Record<string, string> = {
  weightedSeriousness: "加权关注度（0 低 … 2 极严重）",
  k: "有估计值的研究数（k）",
  i2: "I²（%）",
  tau2: "τ²",
  piLower: "预测区间下限",
  piUpper: "预测区间上限",
  significantlyAbove1: "显著高于 1 的研究数",
  significantlyBelow1: "显著低于 1 的研究数",
  indirectWeightPercent: "间接证据的权重（%）",
  severalReasonsWeightPercent: "因多个原因间接的权重（%）",
  ciLower: "95% CI 下限",
  ciUpper: "95% CI 上限",
  thresholdLower: "重要效应阈值下限",
  thresholdUpper: "重要效应阈值上限",
  participants: "受试者人数",
  optimalInformationSize: "最优信息量",
  eggerIntercept: "Egger 截距",
  eggerP: "Egger p 值",
};

/** The risk-of-bias domain's weight shares are keyed by judgement ("high", "some-concerns", "not assessed"). */
export function numberLabel(key: string, locale: string = "en"): string {
  if (locale === "zh") {
    if (NUMBER_LABELS_ZH[key]) return NUMBER_LABELS_ZH[key];
    if (key === "not assessed") return "未评估的权重（%）";
    return `${judgementLabel(key, locale)}偏倚风险的权重（%）`;
  }
  if (NUMBER_LABELS[key]) return NUMBER_LABELS[key];
  if (key === "not assessed") return "Weight not assessed (%)";
  return `Weight at ${judgementLabel(key)} risk (%)`;
}

export function numberText(value: number | string | null, locale: string = "en"): string {
  if (value === null) return locale === "zh" ? "未报告" : "not reported";
  if (typeof value === "string") return value;
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(3)));
}

export const ROB_TOOL_LABELS: Record<RiskOfBiasContent["tool"], string> = {
  QUIPS: "QUIPS (Quality In Prognosis Studies)",
  RoB2: "RoB 2 (randomised trials)",
  "ROBINS-I": "ROBINS-I (non-randomised comparisons)",
  none: "No tool applies",
};

/** Domain names per tool: the same key means different things in RoB 2 and ROBINS-I ("selection"). */
const ROB_DOMAIN_LABELS: Record<RiskOfBiasContent["tool"], Record<string, string>> = {
  QUIPS: {
    participation: "Study participation",
    attrition: "Study attrition",
    factorMeasurement: "Prognostic factor measurement",
    outcomeMeasurement: "Outcome measurement",
    confounding: "Study confounding",
    analysis: "Statistical analysis and reporting",
  },
  RoB2: {
    randomisation: "Randomisation process",
    deviations: "Deviations from intended interventions",
    missingData: "Missing outcome data",
    outcomeMeasurement: "Measurement of the outcome",
    selection: "Selection of the reported result",
  },
  "ROBINS-I": {
    confounding: "Confounding",
    selection: "Selection of participants",
    classification: "Classification of interventions",
    deviations: "Deviations from intended interventions",
    missingData: "Missing data",
    outcomeMeasurement: "Measurement of outcomes",
    reportedResult: "Selection of the reported result",
  },
  none: {},
};

/** The same tools and domains in Chinese (the names the Chinese translations of QUIPS, RoB 2 and ROBINS-I use). */
const ROB_TOOL_LABELS_ZH: Record<RiskOfBiasContent["tool"], string> = {
  QUIPS: "QUIPS（预后研究质量评价工具）",
  RoB2: "RoB 2（随机对照试验）",
  "ROBINS-I": "ROBINS-I（非随机比较）",
  none: "无适用工具",
};
const ROB_DOMAIN_LABELS_ZH: Record<RiskOfBiasContent["tool"], Record<string, string>> = {
  QUIPS: {
    participation: "研究参与",
    attrition: "研究失访",
    factorMeasurement: "预后因素测量",
    outcomeMeasurement: "结局测量",
    confounding: "研究混杂",
    analysis: "统计分析与报告",
  },
  RoB2: {
    randomisation: "随机化过程",
    deviations: "偏离既定干预",
    missingData: "结局数据缺失",
    outcomeMeasurement: "结局测量",
    selection: "报告结果的选择",
  },
  "ROBINS-I": {
    confounding: "混杂",
    selection: "研究对象的选择",
    classification: "干预分类",
    deviations: "偏离既定干预",
    missingData: "数据缺失",
    outcomeMeasurement: "结局测量",
    reportedResult: "报告结果的选择",
  },
  none: {},
};

export function robToolLabel(tool: RiskOfBiasContent["tool"], locale: string = "en"): string {
  return locale === "zh" ? ROB_TOOL_LABELS_ZH[tool] : ROB_TOOL_LABELS[tool];
}

export function robDomainLabel(tool: RiskOfBiasContent["tool"], domain: string, locale: string = "en"): string {
  if (locale === "zh") return ROB_DOMAIN_LABELS_ZH[tool][domain] ?? (domain === "overall" ? "总体" : (ROB_DOMAIN_LABELS[tool][domain] ?? domain));
  return ROB_DOMAIN_LABELS[tool][domain] ?? domain.replace(/([A-Z])/g, " $1").toLowerCase();
}

/** Risk-of-bias judgements in Chinese (as lib/grade/certainty.ts words them in its reasons). */
const JUDGEMENT_LABELS_ZH: Record<string, string> = { low: "低", moderate: "中等", "some-concerns": "存在一些问题", high: "高", serious: "严重", critical: "极严重", "not-applicable": "不适用", "no-information": "信息不足" };

export function judgementLabel(judgement: string, locale: string = "en"): string {
  if (locale === "zh") return JUDGEMENT_LABELS_ZH[judgement] ?? judgement;
  return judgement.replace(/-/g, " ");
}

/** A ratio at the precision lib/grade/sof.ts writes effect.text in, so the table and the exports agree. */
export function ratioText(x: number): string {
  return x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2);
}
