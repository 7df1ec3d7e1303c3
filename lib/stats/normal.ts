// Standard normal distribution functions, from @stdlib (a well-kept numerical library) rather than
// hand-written approximations.
import cdf from "@stdlib/stats-base-dists-normal-cdf";
import quantile from "@stdlib/stats-base-dists-normal-quantile";

export function normalCdf(z: number): number {
  return cdf(z, 0, 1);
}

/** The z for a two-sided confidence level in percent: 95 -> 1.959964. */
export function zForLevel(levelPercent: number): number {
  return quantile(1 - (1 - levelPercent / 100) / 2, 0, 1);
}

/** Two-sided p for a z statistic. */
export function twoSidedP(z: number): number {
  return 2 * (1 - normalCdf(Math.abs(z)));
}
