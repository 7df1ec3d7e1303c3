// A percentage that cannot come from its printed count and denominator.
import type { EffectRecord } from "../domain/records";
import { percentFromCount } from "../stats/effect-sizes";
import { decimalsOf, fmt, printedRange } from "./rounding";
import { flagFor, type CheckFlag } from "./types";

export function checkPercent(effects: EffectRecord[]): CheckFlag[] {
  const flags: CheckFlag[] = [];
  for (const e of effects) {
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
