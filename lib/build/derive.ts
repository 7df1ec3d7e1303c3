// Computed contrasts: OR, RR and risk difference from two arm-level proportions with printed
// counts. They are new records (computed: true, derivedFrom: the two arms), never a change to a
// printed figure. Only outcome comparisons are computed, not baseline characteristics or allele
// frequencies, and only where the comparison's own record names which arm is the exposure.
import type { EffectRecord } from "../domain/records";
import { oddsRatio, riskDifference, riskRatio, ZERO_CELL_CORRECTION } from "../stats/effect-sizes";

const NOT_OUTCOMES = new Set(["baseline-characteristic", "mutation-frequency"]);
import { armMatches as matches } from "./arm-match";

const round = (x: number, d: number) => Number(x.toFixed(d));

export function deriveComputedContrasts(effects: EffectRecord[]): EffectRecord[] {
  const out: EffectRecord[] = [];
  const byComparison = new Map<string, EffectRecord[]>();
  for (const e of effects) {
    if (!e.comparison || e.computed) continue;
    const key = `${e.studyId}§${e.document}§${e.comparison}`;
    byComparison.set(key, [...(byComparison.get(key) ?? []), e]);
  }
  for (const list of byComparison.values()) {
    const arms = list.filter((e) => e.kind === "arm" && e.measure === "proportion" && e.events !== null && e.total);
    const anchor = list.find((e) => e.kind === "contrast" || e.kind === "p-only");
    if (arms.length !== 2 || !anchor || NOT_OUTCOMES.has(anchor.endpoint)) continue;
    const exposure = arms.find((a) => matches(a, anchor.exposure));
    const reference = arms.find((a) => a !== exposure && matches(a, anchor.reference));
    if (!exposure || !reference) continue;
    const table = { events1: exposure.events!, total1: exposure.total!, events2: reference.events!, total2: reference.total! };
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
      statement: `${exposure.events}/${exposure.total} vs ${reference.events}/${reference.total}`,
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
    const mk = (measure: "OR" | "RR" | "RD", v: number, lo: number, hi: number, method: string, logValue: number | null, logSe: number | null, d: number): EffectRecord => ({
      ...base,
      id: `${anchor.studyId}/${anchor.recordId}~${measure.toLowerCase()}`,
      recordId: `${anchor.recordId}~${measure.toLowerCase()}`,
      measure,
      value: round(v, d),
      valueText: v.toFixed(d),
      ciLower: round(lo, d),
      ciLowerText: lo.toFixed(d),
      ciUpper: round(hi, d),
      ciUpperText: hi.toFixed(d),
      unit: measure === "RD" ? "percentage points" : null,
      computeMethod: method,
      logValue,
      logSe,
    });
    out.push(
      mk("OR", or.estimate, or.lower, or.upper, `Odds ratio from the 2x2 counts, Woolf log CI${correction}`, or.logEstimate, or.se, 2),
      mk("RR", rr.estimate, rr.lower, rr.upper, `Risk ratio from the 2x2 counts, Katz log CI${correction}`, rr.logEstimate, rr.se, 2),
      mk("RD", 100 * rd.estimate, 100 * rd.lower, 100 * rd.upper, "Risk difference in percentage points from the 2x2 counts, Wald CI, no correction", null, null, 1),
    );
  }
  return out;
}
