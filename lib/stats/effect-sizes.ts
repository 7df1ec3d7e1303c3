// Computed statistics. Every function here is pure, has known-answer tests beside it
// (effect-sizes.test.ts, checked against R's metafor::escalc and textbook examples), and its output
// is always stored as a computed figure, never in place of a printed one.
import { twoSidedP, zForLevel } from "./normal";

export type Interval = { estimate: number; lower: number; upper: number };

/** A 2x2 table: events and totals in the exposure group (1) and the reference group (2). */
export type TwoByTwo = { events1: number; total1: number; events2: number; total2: number };

/**
 * Zero-cell correction: when any of the four cells is zero, 0.5 is added to every cell
 * (Haldane-Anscombe), as metafor::escalc does by default (add = 1/2, to = "only0"). Applies to the
 * OR and RR; the risk difference needs none.
 */
export const ZERO_CELL_CORRECTION = 0.5;

function cells(t: TwoByTwo) {
  const a = t.events1;
  const b = t.total1 - t.events1;
  const c = t.events2;
  const d = t.total2 - t.events2;
  if ([a, b, c, d].some((x) => x < 0) || t.total1 <= 0 || t.total2 <= 0) throw new RangeError("invalid 2x2 table");
  const corrected = [a, b, c, d].some((x) => x === 0);
  const k = corrected ? ZERO_CELL_CORRECTION : 0;
  return { a: a + k, b: b + k, c: c + k, d: d + k, corrected };
}

function logScaleInterval(logEstimate: number, se: number, level: number): Interval {
  const z = zForLevel(level);
  return { estimate: Math.exp(logEstimate), lower: Math.exp(logEstimate - z * se), upper: Math.exp(logEstimate + z * se) };
}

export type RatioResult = Interval & { logEstimate: number; se: number; p: number; corrected: boolean };

/** Odds ratio with a Woolf (log) CI and Wald p. */
export function oddsRatio(t: TwoByTwo, level = 95): RatioResult {
  const { a, b, c, d, corrected } = cells(t);
  const logEstimate = Math.log((a * d) / (b * c));
  const se = Math.sqrt(1 / a + 1 / b + 1 / c + 1 / d);
  return { ...logScaleInterval(logEstimate, se, level), logEstimate, se, p: twoSidedP(logEstimate / se), corrected };
}

/** Risk ratio (exposure / reference) with a log CI (Katz) and Wald p. */
export function riskRatio(t: TwoByTwo, level = 95): RatioResult {
  const { a, b, c, d, corrected } = cells(t);
  const n1 = a + b;
  const n2 = c + d;
  const logEstimate = Math.log(a / n1 / (c / n2));
  const se = Math.sqrt(1 / a - 1 / n1 + 1 / c - 1 / n2);
  return { ...logScaleInterval(logEstimate, se, level), logEstimate, se, p: twoSidedP(logEstimate / se), corrected };
}

/** Risk difference (exposure - reference) as a proportion, Wald CI, no zero-cell correction. */
export function riskDifference(t: TwoByTwo, level = 95): Interval & { se: number; p: number } {
  const p1 = t.events1 / t.total1;
  const p2 = t.events2 / t.total2;
  const estimate = p1 - p2;
  const se = Math.sqrt((p1 * (1 - p1)) / t.total1 + (p2 * (1 - p2)) / t.total2);
  const z = zForLevel(level);
  return { estimate, lower: estimate - z * se, upper: estimate + z * se, se, p: se === 0 ? (estimate === 0 ? 1 : 0) : twoSidedP(estimate / se) };
}

/** ln(ratio) and its SE recovered from a printed ratio and its CI (assumes a Wald CI on the log scale). */
export function logRatioFromCi(estimate: number, lower: number, upper: number, level = 95): { logEstimate: number; se: number } {
  if (!(estimate > 0 && lower > 0 && upper > 0)) throw new RangeError("ratios and their CI bounds must be positive");
  return { logEstimate: Math.log(estimate), se: (Math.log(upper) - Math.log(lower)) / (2 * zForLevel(level)) };
}

/**
 * Two-sided p from an estimate and its CI (Altman & Bland, BMJ 2011;343:d2304): the CI gives the
 * SE, estimate/SE gives z. On the log scale for ratios, on the natural scale for differences.
 */
export function pFromCi(estimate: number, lower: number, upper: number, scale: "log" | "linear", level = 95): number {
  if (scale === "log") {
    const { logEstimate, se } = logRatioFromCi(estimate, lower, upper, level);
    return twoSidedP(logEstimate / se);
  }
  const se = (upper - lower) / (2 * zForLevel(level));
  return twoSidedP(estimate / se);
}

/** Percentage from a count and a denominator. */
export function percentFromCount(events: number, total: number): number {
  if (total <= 0) throw new RangeError("total must be positive");
  return (100 * events) / total;
}
