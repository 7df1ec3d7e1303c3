// An estimate outside its CI; a ratio CI that is not symmetric on the log scale beyond rounding.
// Both reason from the reading of a damaged printing, never from the damaged text itself.
import { RATIO_MEASURES } from "../content/schema";
import { decimalsOf, fmt, overlaps, printedRange } from "./rounding";
import { printedPRange } from "./p-value";
import { pFromCi } from "../stats/effect-sizes";
import { flagFor, placeOf, subjectOf, type CheckFlag, type CheckRecord } from "./types";

export function checkEstimateInsideCi(effects: CheckRecord[]): CheckFlag[] {
  const flags: CheckFlag[] = [];
  for (const e of effects) {
    // A range printed the wrong way round is the same kind of impossibility as a reversed CI.
    if (!e.computed && e.rangeLower !== null && e.rangeUpper !== null && e.rangeLower > e.rangeUpper)
      flags.push(
        flagFor(e, "estimate-outside-ci", {
          severity: "error",
          summary: `${placeOf(e)} prints a range for ${subjectOf(e)} whose lower end (${e.read.rangeLowerText}) is above its upper end (${e.read.rangeUpperText}).`,
          message: `Printed range ${e.read.rangeLowerText}-${e.read.rangeUpperText} is reversed.`,
        }),
      );
    if (e.computed || e.value === null || e.ciLower === null || e.ciUpper === null) continue;
    if (e.value >= e.ciLower && e.value <= e.ciUpper && e.ciLower <= e.ciUpper) continue;
    const { valueText: v, ciLowerText: lo, ciUpperText: hi } = e.read;
    const reversed = e.ciLower > e.ciUpper;
    flags.push(
      flagFor(e, "estimate-outside-ci", {
        severity: "error",
        summary: reversed
          ? `${placeOf(e)} prints a confidence interval for ${subjectOf(e)} whose lower bound (${lo}) is above its upper bound (${hi}).`
          : `${placeOf(e)} prints ${e.measure ?? "a value"} ${v} for ${subjectOf(e)}, outside its own confidence interval ${lo}–${hi}.`,
        message: reversed ? `Printed ${e.measure ?? "value"}: the CI's lower bound ${lo} exceeds its upper bound ${hi}.` : `Printed ${e.measure ?? "value"}: the estimate ${v} lies outside its own CI ${lo}-${hi}.`,
      }),
    );
  }
  return flags;
}

/**
 * A Wald CI on the log scale is symmetric: ln(estimate) is the midpoint of ln(lower) and ln(upper),
 * i.e. estimate = sqrt(lower x upper). The check allows every combination of the printed figures'
 * rounding and flags only what rounding cannot explain. A small asymmetry is a note: CIs from
 * profile likelihood or competing-risk models need not be symmetric.
 */
export function checkLogSymmetry(effects: CheckRecord[]): CheckFlag[] {
  const flags: CheckFlag[] = [];
  for (const e of effects) {
    if (e.computed || !e.measure || !RATIO_MEASURES.has(e.measure)) continue;
    const { valueText, ciLowerText, ciUpperText } = e.read;
    const v = printedRange(valueText);
    const lo = printedRange(ciLowerText);
    const hi = printedRange(ciUpperText);
    if (!v || !lo || !hi || lo.lo <= 0 || e.value === null || e.ciLower === null || e.ciUpper === null) continue;
    if (!(e.value >= e.ciLower && e.value <= e.ciUpper)) continue; // reported by checkEstimateInsideCi
    const mid = { lo: Math.sqrt(Math.max(lo.lo, 1e-12) * hi.lo), hi: Math.sqrt(lo.hi * hi.hi) };
    if (overlaps(v, mid)) continue;
    const d = decimalsOf(valueText);
    const geo = Math.sqrt(e.ciLower * e.ciUpper);
    const upperFit = (e.value * e.value) / e.ciLower;
    const lowerFit = (e.value * e.value) / e.ciUpper;
    const ratio = Math.log(e.ciUpper / e.value) / Math.log(e.value / e.ciLower);
    const marked = ratio < 2 / 3 || ratio > 1.5;
    // Which single figure, changed, makes all three consistent — and, where a p is printed, agrees with it.
    const candidates = [
      { text: `estimate ${fmt(geo, d)}`, v: geo, lo: e.ciLower, hi: e.ciUpper },
      { text: `upper bound ${fmt(upperFit, decimalsOf(ciUpperText))}`, v: e.value, lo: e.ciLower, hi: upperFit },
      { text: `lower bound ${fmt(lowerFit, decimalsOf(ciLowerText))}`, v: e.value, lo: lowerFit, hi: e.ciUpper },
    ];
    const printedP = e.p ? printedPRange(e.p) : null;
    const fits = candidates.filter((c) => {
      if (!printedP) return true;
      const p = pFromCi(c.v, c.lo, c.hi, "log", e.ciLevel ?? 95);
      return p >= printedP.lo * 0.9 && p <= printedP.hi * 1.1;
    });
    flags.push(
      flagFor(e, "ci-asymmetric", {
        severity: marked ? "warning" : "note",
        summary: `${placeOf(e)} prints ${e.measure} ${valueText} (${ciLowerText}–${ciUpperText}) for ${subjectOf(e)}; the interval is not centred on the estimate on the log scale, ${marked ? "more than rounding or a different CI method explains: one of the three figures may be misprinted" : "slightly: a different CI method, or a misprinted bound"}.`,
        message: `${e.measure} ${valueText} (${ciLowerText}-${ciUpperText}) is not symmetric on the log scale: the upper arm is ${fmt(ratio, 2)}x the lower arm; sqrt(lower x upper) = ${fmt(geo, d + 1)}.`,
        expected: (fits.length ? fits : candidates).map((c) => c.text).join("; or ") + (printedP && fits.length ? ` (consistent with the printed p ${e.p})` : ""),
      }),
    );
  }
  return flags;
}
