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

/** The risk-of-bias domain's weight shares are keyed by judgement ("high", "some-concerns", "not assessed"). */
export function numberLabel(key: string): string {
  if (NUMBER_LABELS[key]) return NUMBER_LABELS[key];
  if (key === "not assessed") return "Weight not assessed (%)";
  return `Weight at ${judgementLabel(key)} risk (%)`;
}

export function numberText(value: number | string | null): string {
  if (value === null) return "not reported";
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

export function robDomainLabel(tool: RiskOfBiasContent["tool"], domain: string): string {
  return ROB_DOMAIN_LABELS[tool][domain] ?? domain.replace(/([A-Z])/g, " $1").toLowerCase();
}

export function judgementLabel(judgement: string): string {
  return judgement.replace(/-/g, " ");
}

/** A ratio at the precision lib/grade/sof.ts writes effect.text in, so the table and the exports agree. */
export function ratioText(x: number): string {
  return x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2);
}
