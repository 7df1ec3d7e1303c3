// Computed contrasts: OR, RR and risk difference from two arm-level proportions with printed
// counts. They are new records (computed: true, derivedFrom: the two arms), never a change to a
// printed figure. Only outcome comparisons are computed, not baseline characteristics or allele
// frequencies, and only where the comparison's own record names which arm is the exposure.
import type { EffectRecord } from "../domain/records";
import { oddsRatio, riskDifference, riskRatio, ZERO_CELL_CORRECTION } from "../stats/effect-sizes";

import { armMatches as matches, groupByComparison } from "./comparisons";
import { fittingCounts } from "../checks/percent";

/**
 * The count behind an arm proportion: the printed one, or, where only % and n are printed, the one
 * whole number that the printed percentage allows (66.7% of 51 -> 34). Null when none or several fit.
 */
export function armCount(e: EffectRecord): { events: number; reconstructed: boolean } | null {
  if (e.events !== null) return { events: e.events, reconstructed: false };
  if (!e.total || e.valueText === null) return null;
  const fits = fittingCounts(e.valueText, e.total);
  return fits.length === 1 ? { events: fits[0]!, reconstructed: true } : null;
}

// Ratios to three significant figures (an OR of 0.0617 must not print as 0.06 with a CI from 0.00);
// risk differences to one decimal of a percentage point.
const text = (x: number, d: number | "sig") => (d === "sig" ? (Math.abs(x) >= 100 ? x.toFixed(0) : x.toPrecision(3)) : x.toFixed(d));

export function deriveComputedContrasts(effects: EffectRecord[]): EffectRecord[] {
  const out: EffectRecord[] = [];
  for (const list of groupByComparison(effects)) {
    const arms = list.filter((e) => e.kind === "arm" && e.measure === "proportion" && e.total && armCount(e) !== null);
    const anchor = list.find((e) => e.kind === "contrast" || e.kind === "p-only");
    if (arms.length !== 2 || !anchor || anchor.endpointRole === "descriptive") continue;
    const exposure = arms.find((a) => matches(a, anchor.exposure));
    const reference = arms.find((a) => a !== exposure && matches(a, anchor.reference));
    if (!exposure || !reference) continue;
    const c1 = armCount(exposure)!;
    const c2 = armCount(reference)!;
    const table = { events1: c1.events, total1: exposure.total!, events2: c2.events, total2: reference.total! };
    const reconstructed = [c1.reconstructed ? `${c1.events} = ${exposure.valueText}% of ${exposure.total}` : null, c2.reconstructed ? `${c2.events} = ${reference.valueText}% of ${reference.total}` : null].filter(Boolean);
    const countsNote = reconstructed.length ? `; counts reconstructed from the printed % and n (${reconstructed.join(", ")})` : "";
    const zero = [table.events1, table.total1 - table.events1, table.events2, table.total2 - table.events2].some((x) => x === 0);
    const correction = zero ? `; ${ZERO_CELL_CORRECTION} added to every cell because one is zero` : "";
    const base = {
      ...anchor,
      kind: "contrast" as const,
      p: null,
      test: null,
      events: null,
      total: null,
      unit: null,
      rangeLower: null,
      rangeLowerText: null,
      rangeUpper: null,
      rangeUpperText: null,
      exposure: exposure.group ?? exposure.exposure,
      reference: reference.group ?? reference.exposure,
      group: null,
      groupKey: null,
      analysis: "univariable",
      covariates: [],
      locator: `computed from ${exposure.locator}${reference.locator !== exposure.locator ? ` and ${reference.locator}` : ""}`,
      alsoAt: [],
      statement: `${table.events1}/${table.total1} vs ${table.events2}/${table.total2}${reconstructed.length ? " (counts reconstructed from % and n)" : ""}`,
      direction: null,
      note: null,
      sameAs: null,
      computed: true,
      derivedFrom: [exposure.id, reference.id],
      flags: [],
      ciLevel: 95,
    };
    const or = oddsRatio(table);
    const rr = riskRatio(table);
    const rd = riskDifference(table);
    const mk = (measure: "OR" | "RR" | "RD", v: number, lo: number, hi: number, method: string, logValue: number | null, logSe: number | null, d: number | "sig"): EffectRecord => ({
      ...base,
      id: `${anchor.studyId}/${anchor.recordId}~${measure.toLowerCase()}`,
      recordId: `${anchor.recordId}~${measure.toLowerCase()}`,
      measure,
      value: Number(text(v, d)),
      valueText: text(v, d),
      ciLower: Number(text(lo, d)),
      ciLowerText: text(lo, d),
      ciUpper: Number(text(hi, d)),
      ciUpperText: text(hi, d),
      unit: measure === "RD" ? "percentage points" : null,
      computeMethod: method,
      logValue,
      logSe,
    });
    out.push(
      mk("OR", or.estimate, or.lower, or.upper, `Odds ratio from the 2x2 counts, Woolf log CI${correction}${countsNote}`, or.logEstimate, or.se, "sig"),
      mk("RR", rr.estimate, rr.lower, rr.upper, `Risk ratio from the 2x2 counts, Katz log CI${correction}${countsNote}`, rr.logEstimate, rr.se, "sig"),
      mk("RD", 100 * rd.estimate, 100 * rd.lower, 100 * rd.upper, `Risk difference in percentage points from the 2x2 counts, Wald CI, no correction${countsNote}`, null, null, 1),
    );
  }
  return out;
}
