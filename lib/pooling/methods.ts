// The methods paragraph under a pooled result, ready to paste into a guideline appendix.
import type { PoolResult } from "./pool";

const METHOD_WORDS: Record<PoolResult["method"], string> = {
  REML: "a random-effects model with the restricted maximum-likelihood (REML) estimator of between-study variance (τ²)",
  DL: "a random-effects model with the DerSimonian–Laird estimator of τ²",
  PM: "a random-effects model with the Paule–Mandel estimator of τ²",
  FE: "a fixed-effect (inverse-variance) model",
};

/** Extremes as a reader can use them: "<0.001", ">1000". */
const fmt = (x: number | null, d = 2) => (x === null ? "—" : x < 0.001 && x > 0 ? "<0.001" : x > 1000 ? ">1000" : x.toFixed(d));

export function methodsParagraph(r: PoolResult, ctx: { datasetVersion: string; endpointLabel: string; exposureLabel: string; referenceLabel: string }): string {
  const reasons = new Map<string, number>();
  for (const e of r.excluded) {
    const reason = e.reason.replace(/ \[[^\]]*\]$/, "").replace(/ \(.*$/, "").replace(/:.*$/, "");
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  const excluded = [...reasons.entries()].map(([why, n]) => `${n} ${why}`).join("; ");
  if (r.refused)
    return `No pooled estimate: ${r.refused} Records considered: ${r.k + r.excluded.length}; set aside: ${excluded || "none"}. Dataset version ${ctx.datasetVersion}.`;
  const ci =
    r.ci === "wald"
      ? "Wald-type confidence intervals (normal distribution)"
      : `Hartung–Knapp–Sidik–Jonkman confidence intervals (t distribution with k−1 degrees of freedom, ${r.ci === "hksj-truncated" ? "the adjustment factor truncated at 1" : "not truncated"})`;
  const pi = r.method === "FE" ? "No prediction interval is given for a fixed-effect model." : `The 95% prediction interval uses the ${r.ci !== "wald" ? "t distribution with k−1 degrees of freedom and the Hartung–Knapp standard error" : "normal distribution"} (as metafor's predict()).`;
  return [
    `${r.k} ${r.measure === "HR" ? "hazard" : r.measure === "OR" ? "odds" : "risk"} ratios for ${ctx.endpointLabel.toLowerCase()} (${ctx.exposureLabel} vs ${ctx.referenceLabel}${r.setting ? `; setting: ${r.setting}` : ""}; ${r.analysis ?? "any"} estimates${r.participants !== null ? `; ${r.participants} participants` : ""}) were pooled on the log scale by inverse-variance weighting in ${METHOD_WORDS[r.method]}, with ${ci}.`,
    `Each study's standard error was derived from its printed confidence interval as (ln upper − ln lower)/(2 × 1.96); ${r.inverted.length ? `${r.inverted.length} estimate(s) reported as the reciprocal comparison were inverted; ` : ""}one estimate was used per cohort (the most direct source and the latest report).`,
    `Heterogeneity: τ² with its Q-profile confidence interval, I² and H² computed from τ², and Cochran's Q. ${pi}`,
    `Pooled ${r.measure} ${fmt(r.estimate)} (95% CI ${fmt(r.ciLower)}–${fmt(r.ciUpper)})${r.piLower !== null ? `, prediction interval ${fmt(r.piLower)}–${fmt(r.piUpper)}` : ""}; τ² ${fmt(r.tau2, 3)} (${fmt(r.tau2CiLower, 3)}–${fmt(r.tau2CiUpper, 3)}), I² ${fmt(r.i2, 0)}%, Q ${fmt(r.q)} on ${r.qDf} df (p ${r.qP !== null && r.qP < 0.001 ? "<0.001" : fmt(r.qP, 3)}).`,
    `Computed by this evidence database (lib/stats/meta-analysis.ts, checked against R metafor 3.8 to 1e-4), dataset version ${ctx.datasetVersion}.`,
    excluded ? `Records set aside: ${excluded}.` : "No record was set aside.",
  ].join(" ");
}
