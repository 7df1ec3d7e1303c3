// An estimate outside its CI; a ratio CI that is not symmetric on the log scale beyond rounding.
// Both reason from the reading of a damaged printing, never from the damaged text itself.
import { RATIO_MEASURES } from "../content/schema";
import { decimalsOf, fmt, overlaps, printedRange } from "./rounding";
import { printedPRange } from "./p-value";
import { pFromCi } from "../stats/effect-sizes";
import { joined, phrase } from "./flag-text";
import { flagFor, measureWord, placeOf, subjectOf, type CheckFlag, type CheckRecord } from "./types";

export function checkEstimateInsideCi(effects: CheckRecord[]): CheckFlag[] {
  const flags: CheckFlag[] = [];
  for (const e of effects) {
    // A range printed the wrong way round is the same kind of impossibility as a reversed CI.
    if (!e.computed && e.rangeLower !== null && e.rangeUpper !== null && e.rangeLower > e.rangeUpper)
      flags.push(
        flagFor(e, "estimate-outside-ci", {
          severity: "error",
          summary: phrase("ci.rangeReversed", { place: placeOf(e), subject: subjectOf(e), lo: `${e.read.rangeLowerText}`, hi: `${e.read.rangeUpperText}` }),
          message: phrase("ci.rangeReversedDetail", { lo: `${e.read.rangeLowerText}`, hi: `${e.read.rangeUpperText}` }),
        }),
      );
    if (e.computed || e.value === null || e.ciLower === null || e.ciUpper === null) continue;
    if (e.value >= e.ciLower && e.value <= e.ciUpper && e.ciLower <= e.ciUpper) continue;
    const { valueText: v, ciLowerText: lo, ciUpperText: hi } = e.read;
    const reversed = e.ciLower > e.ciUpper;
    const figures = { value: `${v}`, lo: `${lo}`, hi: `${hi}`, measure: measureWord(e.measure, { en: "value", zh: "数值" }) };
    flags.push(
      flagFor(e, "estimate-outside-ci", {
        severity: "error",
        summary: reversed
          ? phrase("ci.ciReversed", { place: placeOf(e), subject: subjectOf(e), lo: figures.lo, hi: figures.hi })
          : phrase("ci.outside", { ...figures, place: placeOf(e), subject: subjectOf(e), measure: measureWord(e.measure, { en: "a value", zh: "数值" }) }),
        message: phrase(reversed ? "ci.ciReversedDetail" : "ci.outsideDetail", figures),
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
      { text: phrase("ci.fitEstimate", { value: fmt(geo, d) }), v: geo, lo: e.ciLower, hi: e.ciUpper },
      { text: phrase("ci.fitUpper", { value: fmt(upperFit, decimalsOf(ciUpperText)) }), v: e.value, lo: e.ciLower, hi: upperFit },
      { text: phrase("ci.fitLower", { value: fmt(lowerFit, decimalsOf(ciLowerText)) }), v: e.value, lo: lowerFit, hi: e.ciUpper },
    ];
    const printedP = e.p ? printedPRange(e.p) : null;
    const fits = candidates.filter((c) => {
      if (!printedP) return true;
      const p = pFromCi(c.v, c.lo, c.hi, "log", e.ciLevel ?? 95);
      return p >= printedP.lo * 0.9 && p <= printedP.hi * 1.1;
    });
    const consistent = joined("list.semicolonOr", (fits.length ? fits : candidates).map((c) => c.text));
    flags.push(
      flagFor(e, "ci-asymmetric", {
        severity: marked ? "warning" : "note",
        summary: phrase("ci.asymmetric", {
          place: placeOf(e),
          measure: e.measure,
          value: `${valueText}`,
          lo: `${ciLowerText}`,
          hi: `${ciUpperText}`,
          subject: subjectOf(e),
          degree: phrase(marked ? "ci.asymmetricMarked" : "ci.asymmetricSlight"),
        }),
        message: phrase("ci.asymmetricDetail", { measure: e.measure, value: `${valueText}`, lo: `${ciLowerText}`, hi: `${ciUpperText}`, ratio: fmt(ratio, 2), geometric: fmt(geo, d + 1) }),
        expected: printedP && fits.length ? phrase("ci.fitsWithP", { fits: consistent, p: `${e.p}` }) : consistent,
      }),
    );
  }
  return flags;
}
