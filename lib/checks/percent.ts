// A percentage that cannot come from its printed count and denominator.
import type { EffectRecord } from "../domain/records";
import { percentFromCount } from "../stats/effect-sizes";
import { decimalsOf, fmt, printedRange } from "./rounding";
import { flagFor, type CheckFlag } from "./types";

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

export function checkPercent(effects: EffectRecord[]): CheckFlag[] {
  const flags: CheckFlag[] = [];
  for (const e of effects) {
    // Only a denominator printed: is there any whole number of patients the percentage can be?
    if (!e.computed && e.measure === "proportion" && e.events === null && e.total && e.valueText !== null) {
      if (fittingCounts(e.valueText, e.total).length === 0) {
        const below = Math.floor((Number(e.valueText) * e.total) / 100);
        const d = Math.max(decimalsOf(e.valueText), 1);
        flags.push(
          flagFor(e, "percent-mismatch", `Printed ${e.valueText}% is not a whole number of the ${e.total} patients: ${below}/${e.total} = ${fmt(percentFromCount(below, e.total), d)}%, ${below + 1}/${e.total} = ${fmt(percentFromCount(below + 1, e.total), d)}%; the denominator may be another.`, {
            expected: `${fmt(percentFromCount(below, e.total), d)}% or ${fmt(percentFromCount(below + 1, e.total), d)}% of ${e.total}`,
          }),
        );
      }
      continue;
    }
    if (e.computed || e.measure !== "proportion" || e.events === null || !e.total || e.valueText === null) continue;
    const printed = printedRange(e.valueText);
    if (!printed) continue;
    const exact = percentFromCount(e.events, e.total);
    if (exact >= printed.lo - 1e-9 && exact <= printed.hi + 1e-9) continue;
    const d = Math.max(decimalsOf(e.valueText), 1);
    // Which count would the printed percentage fit, with this denominator?
    const fittingCount = Math.round((e.total * Number(e.valueText)) / 100);
    const fits = printedRange(e.valueText)!;
    const alt = percentFromCount(fittingCount, e.total);
    const altText = alt >= fits.lo - 1e-9 && alt <= fits.hi + 1e-9 ? `; ${e.valueText}% would fit ${fittingCount}/${e.total}` : "";
    flags.push(
      flagFor(e, "percent-mismatch", `Printed ${e.valueText}% cannot come from ${e.events}/${e.total} = ${fmt(exact, d + 1)}%${altText}.`, {
        expected: `${fmt(exact, d)}% (${e.events}/${e.total})`,
      }),
    );
  }
  return flags;
}
