// A percentage that cannot come from its printed count and denominator.
import { percentFromCount } from "../stats/effect-sizes";
import { decimalsOf, fmt, printedRange } from "./rounding";
import { flagFor, placeOf, subjectOf, type CheckFlag, type CheckRecord } from "./types";

/** The counts k out of `total` whose percentage rounds to the printed text. */
export function fittingCounts(valueText: string, total: number): number[] {
  const r = printedRange(valueText);
  if (!r) return [];
  const out: number[] = [];
  for (let k = Math.max(0, Math.floor((r.lo * total) / 100) - 1); k <= Math.min(total, Math.ceil((r.hi * total) / 100) + 1); k++) {
    const pct = percentFromCount(k, total);
    if (pct >= r.lo - 1e-9 && pct <= r.hi + 1e-9) out.push(k);
  }
  return out;
}

/** 56.7 for 56.76: the exact percentage cut, not rounded, at the printed precision. */
function isTruncation(valueText: string, exact: number): boolean {
  const d = decimalsOf(valueText);
  const cut = Math.floor(exact * 10 ** d + 1e-9) / 10 ** d;
  return Math.abs(cut - Number(valueText)) < 1e-9;
}

export function checkPercent(effects: CheckRecord[]): CheckFlag[] {
  const flags: CheckFlag[] = [];
  for (const e of effects) {
    const valueText = e.read.valueText;
    if (e.computed || e.measure !== "proportion" || !e.total || valueText === null) continue;
    const d = Math.max(decimalsOf(valueText), 1);
    // Only a denominator printed: is there any whole number of patients the percentage can be?
    if (e.events === null) {
      if (fittingCounts(valueText, e.total).length > 0) continue;
      const below = Math.floor((Number(valueText) * e.total) / 100);
      const a = fmt(percentFromCount(below, e.total), d);
      const b = fmt(percentFromCount(below + 1, e.total), d);
      flags.push(
        flagFor(e, "percent-mismatch", {
          // Where the paper's own counts settle which figure is meant, the printing is simply wrong.
          severity: e.misprint ? "error" : "warning",
          summary: `${placeOf(e)} gives ${valueText}% of ${e.total} patients (${subjectOf(e)}), but no whole number of ${e.total} patients is ${valueText}%: ${below} would be ${a}% and ${below + 1} would be ${b}%. ${e.misprint ?? "The denominator may be another."}`,
          message: `Printed ${valueText}% with n = ${e.total}: ${below}/${e.total} = ${a}%, ${below + 1}/${e.total} = ${b}%.`,
          expected: `${a}% or ${b}% of ${e.total}`,
        }),
      );
      continue;
    }
    const printed = printedRange(valueText);
    if (!printed) continue;
    const exact = percentFromCount(e.events, e.total);
    if (exact >= printed.lo - 1e-9 && exact <= printed.hi + 1e-9) continue;
    const truncated = isTruncation(valueText, exact);
    const fittingCount = Math.round((e.total * Number(valueText)) / 100);
    const alt = percentFromCount(fittingCount, e.total);
    const altText = alt >= printed.lo - 1e-9 && alt <= printed.hi + 1e-9 ? `; ${valueText}% would fit ${fittingCount}/${e.total}` : "";
    flags.push(
      flagFor(e, "percent-mismatch", {
        // Cutting instead of rounding is a rounding-level difference; any other is a wrong figure in the paper.
        severity: truncated ? "note" : "error",
        summary: truncated
          ? `${placeOf(e)} prints ${valueText}% for ${e.events}/${e.total} (${subjectOf(e)}): the exact ${fmt(exact, d + 1)}% was cut rather than rounded.`
          : `${placeOf(e)} prints ${valueText}% for ${e.events}/${e.total} (${subjectOf(e)}), but ${e.events}/${e.total} is ${fmt(exact, d)}%.`,
        message: `Printed ${valueText}% cannot come from ${e.events}/${e.total} = ${fmt(exact, d + 1)}%${altText}.`,
        expected: `${fmt(exact, d)}% (${e.events}/${e.total})`,
      }),
    );
  }
  return flags;
}
