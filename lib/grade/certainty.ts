// Certainty of evidence (GRADE), domain by domain, as pure functions. Each domain answers
// { rating, levels, reason, numbers }: the rating in GRADE's words, how many levels it lowers
// certainty, a reason a panel can read, and the figures that triggered it. Rules and their sources:
// - starting level: randomised trials high, observational studies low for intervention questions;
//   longitudinal cohorts high for prognostic-factor questions (Iorio A et al., BMJ 2015;350:h870);
// - risk of bias: each study's overall judgement weighted by its weight in the pool; a study not
//   assessed counts as "some concerns", never silently as low (GRADE handbook 5.2);
// - inconsistency: I², the prediction interval against the thresholds, estimates on both sides of
//   the line of no effect; not applicable to a single study (Guyatt GH et al., J Clin Epidemiol 2011;64:1294);
// - indirectness: population, factor or setting other than the question's, or evidence known only
//   from a secondary report (Guyatt 2011;64:1303);
// - imprecision: the CI against the thresholds of an important effect and against no effect, and
//   the optimal information size (Schünemann HJ et al., J Clin Epidemiol 2022;150:225);
// - publication bias: not assessable below 10 studies; Egger's test from 10 (Sterne JAC, BMJ 2011;343:d4002);
// - rating up for a large effect (ratio beyond 2 or 0.5; beyond 5 or 0.2) where certainty started
//   below high and risk of bias is not serious (Guyatt 2011;64:1311).
import tCdf from "@stdlib/stats-base-dists-t-cdf";

export const CERTAINTY = ["very low", "low", "moderate", "high"] as const;
export type Certainty = (typeof CERTAINTY)[number];
export type Rating = "not serious" | "serious" | "very serious" | "extremely serious" | "not applicable";
export type DomainJudgement = {
  rating: Rating;
  levels: number;
  reason: string;
  numbers: Record<string, number | string | null>;
  /** Set where a curator's override replaced the computed rating (the computed one is kept here). */
  override?: { reason: string; computed: { rating: Rating; levels: number; reason: string } };
};
export type Upgrade = { reason: string; levels: number };

const RATING_BY_LEVELS: Rating[] = ["not serious", "serious", "very serious", "extremely serious"];
const judged = (levels: number, reason: string, numbers: DomainJudgement["numbers"]): DomainJudgement => ({ rating: RATING_BY_LEVELS[levels]!, levels, reason, numbers });
const pct = (x: number) => `${Math.round(x)}%`;
const fmt = (x: number | null, d = 2) => (x === null ? "—" : x.toFixed(d));

/** An estimate with its weight in the evidence (percent; equal shares where nothing was pooled). */
export type WeightedStudy = { studyId: string; study: string; weight: number };

// ---------------------------------------------------------------- starting level
const RANDOMISED = new Set(["rct-phase3", "rct-phase2", "rct-phase-not-stated", "pooled-rct-analysis"]);

export function startingLevel(kind: "prognostic" | "intervention", designs: { design: string; weight: number }[]): { level: Certainty; reason: string } {
  if (kind === "prognostic")
    return { level: "high", reason: "Prognostic-factor question: longitudinal cohort studies start at high certainty (GRADE for prognosis, Iorio 2015)." };
  const total = designs.reduce((s, d) => s + d.weight, 0) || 1;
  const randomisedShare = designs.filter((d) => RANDOMISED.has(d.design)).reduce((s, d) => s + d.weight, 0) / total;
  return randomisedShare >= 0.5
    ? { level: "high", reason: `Intervention question: ${pct(randomisedShare * 100)} of the weight comes from randomised trials, which start at high certainty.` }
    : { level: "low", reason: `Intervention question: most of the weight (${pct((1 - randomisedShare) * 100)}) comes from non-randomised studies, which start at low certainty.` };
}

// ---------------------------------------------------------------- risk of bias
/**
 * How much a study's overall risk-of-bias judgement weighs against certainty: low 0, moderate or some
 * concerns 0.5, high or serious 1, critical 2; null where not assessed.
 */
export function seriousness(judgement: string | null): number | null {
  if (judgement === null) return null;
  if (judgement === "low") return 0;
  if (judgement === "moderate" || judgement === "some-concerns") return 0.5;
  if (judgement === "high" || judgement === "serious") return 1;
  if (judgement === "critical") return 2;
  return null;
}

/** A study not assessed weighs as a high risk of bias: never silently low. */
const NOT_ASSESSED = 1;

export function riskOfBias(studies: (WeightedStudy & { judgement: string | null; tool: string | null })[]): DomainJudgement {
  if (studies.length === 0) return judged(0, "No study contributes an estimate.", {});
  const total = studies.reduce((s, x) => s + x.weight, 0) || 1;
  let weighted = 0;
  const share: Record<string, number> = {};
  const unassessed: string[] = [];
  for (const s of studies) {
    const v = seriousness(s.judgement);
    const key = v === null ? "not assessed" : (s.judgement ?? "not assessed");
    share[key] = (share[key] ?? 0) + (100 * s.weight) / total;
    if (v === null) unassessed.push(s.study);
    weighted += ((v ?? NOT_ASSESSED) * s.weight) / total;
  }
  // Most of the weight at high risk (or some concerns mixed with high) lowers one level; most at critical risk, two.
  const levels = weighted < 0.6 ? 0 : weighted < 1.5 ? 1 : 2;
  const parts = Object.entries(share).map(([k, v]) => `${pct(v)} of the weight at ${k} risk`.replace("at not assessed risk", "not assessed"));
  const reason =
    `${parts.join(", ")} (weighted concern ${weighted.toFixed(2)}: low 0, some concerns 0.5, high 1, critical 2)` +
    (unassessed.length ? `; not assessed: ${unassessed.join(", ")}, counted as high risk rather than silently low` : "") +
    ".";
  return judged(levels, reason, { ...share, weightedSeriousness: Number(weighted.toFixed(3)) });
}

// ---------------------------------------------------------------- inconsistency
export type PooledFigures = {
  k: number;
  estimate: number | null;
  ciLower: number | null;
  ciUpper: number | null;
  piLower: number | null;
  piUpper: number | null;
  i2: number | null;
  tau2: number | null;
  rows: { estimate: number; ciLower: number; ciUpper: number }[];
};
export type Thresholds = { lower: number; upper: number };

export function inconsistency(p: PooledFigures, t: Thresholds): DomainJudgement {
  if (p.k < 2 || p.i2 === null)
    return { rating: "not applicable", levels: 0, reason: `${p.k === 1 ? "A single study" : "No pooled estimate"}: consistency across studies cannot be judged.`, numbers: { k: p.k } };
  const above = p.rows.filter((r) => r.ciLower > 1).length;
  const below = p.rows.filter((r) => r.ciUpper < 1).length;
  const bothSides = above > 0 && below > 0;
  const piSpansBoth = p.piLower !== null && p.piUpper !== null && p.piLower < t.lower && p.piUpper > t.upper;
  const numbers = { i2: Number(p.i2.toFixed(1)), tau2: p.tau2, piLower: p.piLower, piUpper: p.piUpper, significantlyAbove1: above, significantlyBelow1: below };
  const pi = p.piLower !== null ? `; prediction interval ${fmt(p.piLower)}–${fmt(p.piUpper)}` : "";
  if (p.i2 >= 75 && bothSides) return judged(2, `I² ${pct(p.i2)} and studies significant in opposite directions${pi}.`, numbers);
  if (p.i2 >= 50 || bothSides) return judged(1, `I² ${pct(p.i2)}${bothSides ? ", studies significant in opposite directions" : ""}${pi}.`, numbers);
  if (p.i2 >= 30 && piSpansBoth) return judged(1, `I² ${pct(p.i2)} and the prediction interval (${fmt(p.piLower)}–${fmt(p.piUpper)}) spans both thresholds of an important effect (${t.lower} and ${t.upper}).`, numbers);
  return judged(0, `I² ${pct(p.i2)}; estimates point the same way${pi}.`, numbers);
}

// ---------------------------------------------------------------- indirectness
export type IndirectReason = "population" | "factor level" | "setting" | "secondary report only";
export function indirectness(studies: (WeightedStudy & { reasons: { why: IndirectReason; detail: string }[] })[]): DomainJudgement {
  if (studies.length === 0) return judged(0, "No study contributes an estimate.", {});
  const total = studies.reduce((s, x) => s + x.weight, 0) || 1;
  const indirectShare = (100 * studies.filter((s) => s.reasons.length > 0).reduce((s, x) => s + x.weight, 0)) / total;
  const doubleShare = (100 * studies.filter((s) => s.reasons.length > 1).reduce((s, x) => s + x.weight, 0)) / total;
  const details = studies.filter((s) => s.reasons.length).map((s) => `${s.study}: ${s.reasons.map((r) => r.detail).join("; ")}`);
  const numbers = { indirectWeightPercent: Math.round(indirectShare), severalReasonsWeightPercent: Math.round(doubleShare) };
  if (indirectShare < 50) return judged(0, details.length ? `Most of the weight is direct; ${details.join(". ")}.` : "Population, factor and setting match the question; all from primary reports.", numbers);
  const levels = doubleShare >= 50 ? 2 : 1;
  return judged(levels, `${pct(indirectShare)} of the weight is indirect: ${details.join(". ")}.`, numbers);
}

// ---------------------------------------------------------------- imprecision
export function imprecision(p: PooledFigures, t: Thresholds, participants: number | null, ois = 400): DomainJudgement {
  if (p.estimate === null || p.ciLower === null || p.ciUpper === null)
    return judged(3, "No study reports an effect size with a confidence interval: the size of the effect cannot be judged.", { participants });
  const crossesLower = p.ciLower < t.lower && p.ciUpper > t.lower;
  const crossesUpper = p.ciLower < t.upper && p.ciUpper > t.upper;
  const crossesNull = p.ciLower < 1 && p.ciUpper > 1;
  const veryWide = p.ciLower < t.lower * t.lower && p.ciUpper > t.upper * t.upper;
  const numbers = { ciLower: p.ciLower, ciUpper: p.ciUpper, thresholdLower: t.lower, thresholdUpper: t.upper, participants, optimalInformationSize: ois };
  let levels = 0;
  let why = `The CI ${fmt(p.ciLower)}–${fmt(p.ciUpper)} `;
  if (crossesLower && crossesUpper) {
    levels = veryWide ? 3 : 2;
    why += `includes both an important benefit and an important harm (below ${t.lower} and above ${t.upper})${veryWide ? ", and is very wide" : ""}`;
  } else if (crossesLower || crossesUpper || crossesNull) {
    levels = 1;
    why += crossesNull ? `includes no effect and ${crossesLower || crossesUpper ? "an important effect" : "only small effects"}` : `crosses the threshold of an important effect (${crossesLower ? t.lower : t.upper})`;
  } else why += `lies ${p.ciLower >= t.upper || p.ciUpper <= t.lower ? "beyond" : "within"} the thresholds of an important effect`;
  if (participants !== null && participants < ois && levels === 0) {
    levels = 1;
    why += `, but ${participants} participants fall short of an optimal information size of about ${ois} (events are not reported across studies, so participants stand in)`;
  } else if (participants !== null && participants < ois) why += `; ${participants} participants, fewer than an optimal information size of about ${ois}`;
  return judged(levels, `${why}.`, numbers);
}

// ---------------------------------------------------------------- publication bias
/** Egger's regression test for small-study effects: standardised effect on precision, the intercept's two-sided p. */
export function eggerTest(yi: number[], sei: number[]): { intercept: number; p: number } {
  const k = yi.length;
  const x = sei.map((s) => 1 / s);
  const y = yi.map((v, i) => v / sei[i]!);
  const mx = x.reduce((a, b) => a + b, 0) / k;
  const my = y.reduce((a, b) => a + b, 0) / k;
  const sxx = x.reduce((a, v) => a + (v - mx) ** 2, 0);
  const slope = x.reduce((a, v, i) => a + (v - mx) * (y[i]! - my), 0) / sxx;
  const intercept = my - slope * mx;
  const rss = y.reduce((a, v, i) => a + (v - intercept - slope * x[i]!) ** 2, 0);
  const s2 = rss / (k - 2);
  const seIntercept = Math.sqrt(s2 * (1 / k + (mx * mx) / sxx));
  const tStat = intercept / seIntercept;
  return { intercept, p: 2 * (1 - tCdf(Math.abs(tStat), k - 2)) };
}

export function publicationBias(yi: number[], sei: number[]): DomainJudgement {
  const k = yi.length;
  if (k < 10)
    return { rating: "not applicable", levels: 0, reason: `Not assessable: ${k} ${k === 1 ? "study" : "studies"} (a funnel plot or small-study test needs at least 10).`, numbers: { k } };
  const egger = eggerTest(yi, sei);
  const numbers = { k, eggerIntercept: Number(egger.intercept.toFixed(3)), eggerP: Number(egger.p.toFixed(4)) };
  return egger.p < 0.1 ? judged(1, `Egger's test suggests small-study effects (intercept ${egger.intercept.toFixed(2)}, p ${egger.p.toFixed(3)}).`, numbers) : judged(0, `Egger's test shows no small-study effect (p ${egger.p.toFixed(2)}).`, numbers);
}

// ---------------------------------------------------------------- rating up
export function upgrades(start: Certainty, riskOfBiasLevels: number, p: PooledFigures): Upgrade[] {
  if (start === "high" || riskOfBiasLevels > 0 || p.ciLower === null || p.ciUpper === null) return [];
  const beyond = (a: number) => p.ciLower! > a || p.ciUpper! < 1 / a;
  if (beyond(5)) return [{ reason: `Very large effect: the whole CI (${fmt(p.ciLower)}–${fmt(p.ciUpper)}) lies beyond 5 or 0.2.`, levels: 2 }];
  if (beyond(2)) return [{ reason: `Large effect: the whole CI (${fmt(p.ciLower)}–${fmt(p.ciUpper)}) lies beyond 2 or 0.5.`, levels: 1 }];
  return [];
}

// ---------------------------------------------------------------- overrides and the sum
export type Domains = { riskOfBias: DomainJudgement; inconsistency: DomainJudgement; indirectness: DomainJudgement; imprecision: DomainJudgement; publicationBias: DomainJudgement };
export type Override = { domain: keyof Domains; rating: Rating; levels: number; reason: string };

export function applyOverrides(domains: Domains, overrides: Override[]): Domains {
  const out = { ...domains };
  for (const o of overrides) {
    const computed = out[o.domain];
    out[o.domain] = { rating: o.rating, levels: o.levels, reason: o.reason, numbers: computed.numbers, override: { reason: o.reason, computed: { rating: computed.rating, levels: computed.levels, reason: computed.reason } } };
  }
  return out;
}

/** Start, minus the levels down, plus the levels up, bounded to very low … high; and how the sum was made. */
export function certaintyOf(start: Certainty, domains: Domains, ups: Upgrade[]): { certainty: Certainty; arithmetic: string } {
  const down = Object.values(domains).reduce((s, d) => s + d.levels, 0);
  const up = ups.reduce((s, u) => s + u.levels, 0);
  const raw = CERTAINTY.indexOf(start) - down + up;
  const bounded = Math.max(0, Math.min(3, raw));
  const certainty = CERTAINTY[bounded]!;
  return { certainty, arithmetic: `${start} (start) − ${down} level${down === 1 ? "" : "s"} down + ${up} up = ${certainty}${raw !== bounded ? ` (bounded: the sum falls ${raw < 0 ? "below very low" : "above high"})` : ""}` };
}
