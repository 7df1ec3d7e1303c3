// A record written the way a clinician reads it:
// "HR 3.37 (1.76–6.47), p<0.001 · multivariable · RAS-mutant vs RAS wild-type · NCCH 2024, Table 2".
import type { EffectRecord } from "./records";

export function formatP(p: string | null): string | null {
  if (!p) return null;
  const t = p.trim().replace(/^p\s*/i, "");
  return /^[<>=≤≥]/.test(t) ? `p${t.replace(/^=\s*/, "=")}` : `p=${t}`;
}

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
export function shownNumber(e: Shown, f: NumberField): string | null {
  const text = e[`${f}Text`];
  const n = e[f];
  if (text === null) return null;
  if (!e.readingReason) return text;
  if (n === null) return `${text} (unreadable as printed)`;
  const read = readingText(text, n);
  return Number(read) === Number(text.replace("−", "-")) ? text : `${read} (printed ${text})`;
}

function interval(e: Shown & Pick<EffectRecord, "ciLevel">, withLabel: boolean): string {
  const lo = shownNumber(e, "ciLower");
  const hi = shownNumber(e, "ciUpper");
  if (lo && hi) return ` (${withLabel ? `${e.ciLevel ?? 95}% CI ` : ""}${lo}–${hi})`;
  const rlo = shownNumber(e, "rangeLower");
  const rhi = shownNumber(e, "rangeUpper");
  if (rlo && rhi) return ` (range ${rlo}–${rhi})`;
  return "";
}

/** The figure itself: "HR 3.37 (1.76–6.47), p<0.001" or "22.3% (27/121)". */
export function figureText(e: EffectRecord): string {
  const p = formatP(e.p);
  const withP = (s: string) => (p ? `${s}, ${p}` : s);
  const unit = e.unit && e.unit !== "%" ? ` ${e.unit}` : "";
  switch (e.kind) {
    case "contrast": {
      const word = MEASURE_WORD[e.measure ?? ""] ?? e.measure ?? "";
      const pct = e.measure === "percent-change" ? "%" : "";
      return withP(`${word} ${shownNumber(e, "value") ?? "—"}${pct}${e.measure === "RD" || e.measure === "MD" ? unit : ""}${interval(e, false)}`);
    }
    case "arm":
    case "frequency": {
      if (e.measure === "proportion") {
        const count = e.events !== null && e.total !== null ? ` (${e.events}/${e.total})` : e.total !== null ? ` (of ${e.total})` : "";
        const v = shownNumber(e, "value");
        const value = v !== null ? `${v}%` : e.rangeLowerText ? `${shownNumber(e, "rangeLower")}–${shownNumber(e, "rangeUpper")}%` : "—";
        return withP(`${value}${count}${v !== null && e.ciLowerText ? ` (95% CI ${shownNumber(e, "ciLower")}–${shownNumber(e, "ciUpper")})` : ""}`);
      }
      const word = MEASURE_WORD[e.measure ?? ""] ?? e.measure ?? "";
      return withP(`${word} ${shownNumber(e, "value") ?? "—"}${unit}${interval(e, true)}`);
    }
    case "p-only":
      return `${p ?? "p not given"} (no effect size reported)`;
    case "direction":
      return `Direction only: ${e.direction ?? ""}`;
  }
}

const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, "");

export function comparisonText(e: EffectRecord): string {
  // An arm's label usually names its regimen already; add the exposure only when it says more
  // (a characteristic such as "T4 stage", an adverse event such as "Proteinuria").
  if (e.kind === "arm" || e.kind === "frequency") {
    const extra = e.group && e.exposure && !squash(e.group).includes(squash(e.exposure)) ? e.exposure : null;
    return [e.group ?? e.exposure, extra].filter(Boolean).join(" — ");
  }
  return [e.exposure, e.reference].filter(Boolean).join(" vs ");
}

export function analysisText(e: EffectRecord): string {
  if (e.computed) return "computed";
  return e.analysis === "not-reported" ? "analysis not reported" : e.analysis;
}

export function sourceText(e: EffectRecord): string {
  return `${e.studyShortName}, ${e.locator}`;
}

export function clinicalSentence(e: EffectRecord): string {
  return [figureText(e), analysisText(e), comparisonText(e), sourceText(e)].filter(Boolean).join(" · ");
}

/** What a reader needs beside a figure, about the study it comes from (one query per page: findStudyFacts). */
export type StudyFacts = {
  id: string;
  n: number | null;
  designLabel: string;
  arms: { id: string; label: string; n: number | null; molecularGroup: string | null; treatment: string | null }[];
};

/** "N 150", or "N not reported" (review-cited studies often give none). */
export function studySizeText(n: number | null | undefined): string {
  return n === null || n === undefined ? "N not reported" : `N ${n}`;
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
export function armSizeText(e: Pick<EffectRecord, "kind" | "measure" | "events" | "total" | "exposureGroup" | "referenceGroup" | "groupKey">, arms: ArmFacts[]): string | null {
  if (e.kind === "arm" || e.kind === "frequency") {
    if (e.measure === "proportion" && e.total !== null) return null;
    if (e.measure === "count" && e.total !== null) return `of ${e.total}`;
    if (e.events !== null && e.total !== null) return `${e.events}/${e.total} events`;
    if (e.total !== null) return `n ${e.total}`;
    const arm = armFor(e.groupKey, arms);
    return arm?.n != null ? `n ${arm.n}` : null;
  }
  const x = armFor(e.exposureGroup, arms);
  const r = armFor(e.referenceGroup, arms);
  if (x && r && x !== r && x.n !== null && r.n !== null) return `n ${x.n} vs ${r.n}`;
  if (e.events !== null && e.total !== null) return `${e.events}/${e.total} events`;
  return null;
}

/** The analysis in full: "multivariable, adjusted for RAS status, CRLM size > 5 cm" or "univariable (unadjusted)". */
export function analysisDetailText(e: Pick<EffectRecord, "computed" | "analysis" | "covariates">): string {
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

/** A label inside a sentence: "Retrospective cohort" -> "retrospective cohort", "RCT" stays. */
const midSentence = (label: string) => (/^[A-Z][a-z]/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label);

/** "N 150 · n 63 vs 87 · retrospective cohort · multivariable, adjusted for …"; without facts, the analysis alone. */
export function readerContextText(e: EffectRecord, study: StudyFacts | null | undefined): string {
  const parts = study ? [studySizeText(study.n), armSizeText(e, study.arms), midSentence(study.designLabel)] : [];
  return [...parts, analysisDetailText(e)].filter(Boolean).join(" · ");
}
