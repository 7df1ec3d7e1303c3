// An estimate outside its CI; a ratio CI that is not symmetric on the log scale beyond rounding.
import type { EffectRecord } from "../domain/records";
import { RATIO_MEASURES } from "../content/schema";
import { decimalsOf, fmt, overlaps, printedRange } from "./rounding";
import { flagFor, type CheckFlag } from "./types";

export function checkEstimateInsideCi(effects: EffectRecord[]): CheckFlag[] {
  const flags: CheckFlag[] = [];
  for (const e of effects) {
    if (e.computed || e.value === null || e.ciLower === null || e.ciUpper === null) continue;
    if (e.value >= e.ciLower && e.value <= e.ciUpper && e.ciLower <= e.ciUpper) continue;
    const problem =
      e.ciLower > e.ciUpper
        ? `the CI's lower bound ${e.ciLowerText} exceeds its upper bound ${e.ciUpperText}`
        : `the estimate ${e.valueText} lies outside its own CI ${e.ciLowerText}-${e.ciUpperText}`;
    flags.push(flagFor(e, "estimate-outside-ci", `Printed ${e.measure ?? "value"}: ${problem}.`, { severity: "error" }));
  }
  return flags;
}

/**
 * A Wald CI on the log scale is symmetric: ln(estimate) is the midpoint of ln(lower) and ln(upper),
 * i.e. estimate = sqrt(lower x upper). The check allows every combination of the printed figures'
 * rounding and flags only what rounding cannot explain.
 */
export function checkLogSymmetry(effects: EffectRecord[]): CheckFlag[] {
  const flags: CheckFlag[] = [];
  for (const e of effects) {
    if (e.computed || !e.measure || !RATIO_MEASURES.has(e.measure)) continue;
    const v = printedRange(e.valueText);
    const lo = printedRange(e.ciLowerText);
    const hi = printedRange(e.ciUpperText);
    if (!v || !lo || !hi || lo.lo <= 0 || e.value === null || e.ciLower === null || e.ciUpper === null) continue;
    if (!(e.value >= e.ciLower && e.value <= e.ciUpper)) continue; // reported by checkEstimateInsideCi
    const mid = { lo: Math.sqrt(Math.max(lo.lo, 1e-12) * hi.lo), hi: Math.sqrt(lo.hi * hi.hi) };
    if (overlaps(v, mid)) continue;
    const d = decimalsOf(e.valueText);
    const geo = Math.sqrt(e.ciLower * e.ciUpper);
    const upperFit = (e.value * e.value) / e.ciLower;
    const lowerFit = (e.value * e.value) / e.ciUpper;
    const ratio = Math.log(e.ciUpper / e.value) / Math.log(e.value / e.ciLower);
    flags.push(
      flagFor(
        e,
        "ci-asymmetric",
        `${e.measure} ${e.valueText} (${e.ciLowerText}-${e.ciUpperText}) is not symmetric on the log scale: the upper arm is ${fmt(ratio, 2)}x the lower arm; sqrt(lower x upper) = ${fmt(geo, d + 1)}.`,
        {
          expected: `estimate ${fmt(geo, d)}; or, keeping the estimate, upper bound ${fmt(upperFit, decimalsOf(e.ciUpperText))} or lower bound ${fmt(lowerFit, decimalsOf(e.ciLowerText))}`,
        },
      ),
    );
  }
  return flags;
}
