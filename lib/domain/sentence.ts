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

function interval(e: Pick<EffectRecord, "ciLowerText" | "ciUpperText" | "rangeLowerText" | "rangeUpperText" | "ciLevel">, withLabel: boolean): string {
  if (e.ciLowerText && e.ciUpperText) return ` (${withLabel ? `${e.ciLevel ?? 95}% CI ` : ""}${e.ciLowerText}–${e.ciUpperText})`;
  if (e.rangeLowerText && e.rangeUpperText) return ` (range ${e.rangeLowerText}–${e.rangeUpperText})`;
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
      return withP(`${word} ${e.valueText ?? "—"}${pct}${e.measure === "RD" || e.measure === "MD" ? unit : ""}${interval(e, false)}`);
    }
    case "arm":
    case "frequency": {
      if (e.measure === "proportion") {
        const count = e.events !== null && e.total !== null ? ` (${e.events}/${e.total})` : e.total !== null ? ` (of ${e.total})` : "";
        const value = e.valueText !== null ? `${e.valueText}%` : e.rangeLowerText ? `${e.rangeLowerText}–${e.rangeUpperText}%` : "—";
        return withP(`${value}${count}${e.valueText !== null && e.ciLowerText ? ` (95% CI ${e.ciLowerText}–${e.ciUpperText})` : ""}`);
      }
      const word = MEASURE_WORD[e.measure ?? ""] ?? e.measure ?? "";
      return withP(`${word} ${e.valueText ?? "—"}${unit}${interval(e, true)}`);
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
