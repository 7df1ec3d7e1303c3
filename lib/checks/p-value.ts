// A p-value inconsistent with its CI. Method: the CI gives the SE (Wald, on the log scale for
// ratios and on the natural scale for differences), estimate/SE gives z, and z a two-sided p
// (Altman & Bland, BMJ 2011;343:d2304). Every rounding of the printed estimate and bounds is
// allowed; a flag means no rounding reconciles the printed p with the printed CI.
import { RATIO_MEASURES } from "../content/schema";
import { parsePrintedP } from "../content/printed";
import { pFromCi } from "../stats/effect-sizes";
import { overlaps, printedRange, type Range } from "./rounding";
import { phrase } from "./flag-text";
import { flagFor, placeOf, subjectOf, type CheckFlag, type CheckRecord } from "./types";

const LINEAR = new Set(["RD", "MD"]);

/** Whether a printed ratio is the geometric midpoint of its printed CI, within the figures' rounding. */
export function logSymmetricWithinRounding(valueText: string, lowerText: string, upperText: string): boolean {
  const v = printedRange(valueText);
  const lo = printedRange(lowerText);
  const hi = printedRange(upperText);
  if (!v || !lo || !hi || lo.lo <= 0) return true;
  return overlaps(v, { lo: Math.sqrt(Math.max(lo.lo, 1e-12) * hi.lo), hi: Math.sqrt(lo.hi * hi.hi) });
}

/** The range of two-sided p over every rounding of estimate and bounds (corners of the box). */
export function pRangeFromPrintedCi(valueText: string, lowerText: string, upperText: string, scale: "log" | "linear", level = 95): Range | null {
  const v = printedRange(valueText);
  const lo = printedRange(lowerText);
  const hi = printedRange(upperText);
  if (!v || !lo || !hi) return null;
  const ps: number[] = [];
  for (const a of [v.lo, v.hi])
    for (const b of [lo.lo, lo.hi])
      for (const c of [hi.lo, hi.hi]) {
        if (!(c > b)) continue;
        if (scale === "log" && (a <= 0 || b <= 0)) continue;
        ps.push(pFromCi(a, b, c, scale, level));
      }
  if (ps.length === 0) return null;
  return { lo: Math.min(...ps), hi: Math.max(...ps) };
}

/** The range a printed p stands for: "<0.001" -> [0, 0.001); "0.03" -> [0.025, 0.035]. */
export function printedPRange(text: string): Range | null {
  const p = parsePrintedP(text);
  if (!p) return null;
  const h = 0.5 * 10 ** -p.decimals;
  switch (p.relation) {
    case "<":
    case "≤":
      return { lo: 0, hi: p.value };
    case ">":
    case "≥":
      return { lo: p.value, hi: 1 };
    default:
      return { lo: Math.max(0, p.value - h), hi: Math.min(1, p.value + h) };
  }
}

function fmtP(p: number): string {
  return p < 0.0001 ? p.toExponential(1) : p.toFixed(4);
}

export function checkPAgainstCi(effects: CheckRecord[]): CheckFlag[] {
  const flags: CheckFlag[] = [];
  for (const e of effects) {
    const { valueText, ciLowerText, ciUpperText } = e.read;
    if (e.computed || !e.p || !e.measure || valueText === null || ciLowerText === null || ciUpperText === null) continue;
    if (e.value === null || e.ciLower === null || e.ciUpper === null) continue; // no reading of damaged print: nothing to compute from
    const scale = RATIO_MEASURES.has(e.measure) ? "log" : LINEAR.has(e.measure) ? "linear" : null;
    if (!scale) continue;
    // An interval not centred on its estimate implies no single p: one of its figures is off, which the
    // asymmetry check reports; testing the p against it would blame a p that may be right.
    if (scale === "log" && !logSymmetricWithinRounding(valueText, ciLowerText, ciUpperText)) continue;
    const fromCi = pRangeFromPrintedCi(valueText, ciLowerText, ciUpperText, scale, e.ciLevel ?? 95);
    const printed = printedPRange(e.p);
    if (!fromCi || !printed) continue;
    if (printed.lo <= fromCi.hi + 1e-12 && fromCi.lo <= printed.hi + 1e-12) continue;
    const central = pFromCi(e.value, e.ciLower, e.ciUpper, scale, e.ciLevel ?? 95);
    const nullValue = scale === "log" ? 1 : 0;
    const excludesNull = e.ciLower > nullValue || e.ciUpper < nullValue;
    const sig = phrase(excludesNull ? "pValue.excludes" : "pValue.includes", { value: String(nullValue) });
    // An error where the two disagree on significance at 0.05 and the printed p is clearly on one
    // side of it; a note where the gap is within 10% of the p-value (the paper's test need not be
    // the Wald test); a warning otherwise.
    const printedSignificant = printed.hi <= 0.05;
    const printedClear = printed.hi <= 0.05 || printed.lo >= 0.05;
    const gap = Math.max(fromCi.lo / printed.hi, printed.lo / fromCi.hi);
    const severity = printedClear && excludesNull !== printedSignificant ? "error" : gap <= 1.1 ? "note" : "warning";
    const figures = { place: placeOf(e), p: e.p, subject: subjectOf(e), lo: ciLowerText, hi: ciUpperText };
    flags.push(
      flagFor(e, "p-ci-mismatch", {
        severity,
        summary:
          severity === "error"
            ? phrase("pValue.significance", { ...figures, includes: sig })
            : phrase("pValue.implied", { ...figures, implied: fmtP(central), small: severity === "note" ? phrase("pValue.smallDifference") : "" }),
        message: phrase("pValue.detail", {
          p: e.p,
          lo: ciLowerText,
          hi: ciUpperText,
          includes: sig,
          implied: fmtP(central),
          from: fmtP(fromCi.lo),
          to: fmtP(fromCi.hi),
          ci: phrase(scale === "log" ? "pValue.logCi" : "pValue.ci"),
        }),
        expected: `p ≈ ${fmtP(central)}`,
      }),
    );
  }
  return flags;
}
