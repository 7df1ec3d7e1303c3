// A percentage that cannot come from its printed count and denominator.
import { percentFromCount } from "../stats/effect-sizes";
import { decimalsOf, fmt, printedRange } from "./rounding";
import { phrase } from "./flag-text";
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
      const counts = { value: valueText, total: String(e.total), below: String(below), a, above: String(below + 1), b };
      flags.push(
        flagFor(e, "percent-mismatch", {
          // Where the paper's own counts settle which figure is meant, the printing is simply wrong.
          severity: e.misprint ? "error" : "warning",
          summary: phrase("percent.noCount", { ...counts, place: placeOf(e), subject: subjectOf(e), explanation: e.misprint ?? phrase("percent.otherDenominator") }),
          message: phrase("percent.noCountDetail", counts),
          expected: phrase("percent.eitherOf", { a, b, total: String(e.total) }),
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
    const fits = alt >= printed.lo - 1e-9 && alt <= printed.hi + 1e-9;
    const figures = { place: placeOf(e), value: valueText, events: String(e.events), total: String(e.total), subject: subjectOf(e) };
    flags.push(
      flagFor(e, "percent-mismatch", {
        // Cutting instead of rounding is a rounding-level difference; any other is a wrong figure in the paper.
        severity: truncated ? "note" : "error",
        summary: truncated ? phrase("percent.truncated", { ...figures, exact: fmt(exact, d + 1) }) : phrase("percent.wrong", { ...figures, exact: fmt(exact, d) }),
        message: phrase("percent.wrongDetail", {
          value: valueText,
          events: String(e.events),
          total: String(e.total),
          exact: fmt(exact, d + 1),
          alternative: fits ? phrase("percent.wouldFit", { value: valueText, count: String(fittingCount), total: String(e.total) }) : "",
        }),
        expected: `${fmt(exact, d)}% (${e.events}/${e.total})`,
      }),
    );
  }
  return flags;
}
