// Records for the checks' tests, shaped as the build makes them (every field set): a contrast by
// default, `ratio` and `prop` for the common shapes; `defaults` and `propDefaults` change what a
// test file starts from. Ids and locators count up per factory ("s/e1", "Table 1" …).
import type { EffectRecord } from "../domain/records";
import { asPrinted, type CheckRecord } from "./types";

export type Over = Partial<EffectRecord> & Partial<Pick<CheckRecord, "consistentPrinting" | "explainedDifference" | "misprint" | "updatesChain">> & { read?: Partial<CheckRecord["read"]> };

export function recordFactory(defaults: Over = {}, propDefaults: Over = {}) {
  let n = 0;
  function effect(over: Over): CheckRecord {
    n++;
    const { read, consistentPrinting, explainedDifference, misprint, updatesChain, ...fields } = { ...defaults, ...over };
    const base = asPrinted({
      id: `s/e${n}`, studyId: "s", studyShortName: "Study", recordId: `e${n}`, kind: "contrast", endpoint: "OS", endpointLabel: "Overall survival", endpointRole: "time-to-event",
      measure: "HR", value: null, valueText: null, ciLower: null, ciLowerText: null, ciUpper: null, ciUpperText: null, ciLevel: 95,
      rangeLower: null, rangeLowerText: null, rangeUpper: null, rangeUpperText: null, p: null, test: null, events: null, total: null, unit: null,
      timepoint: null, exposure: "RAS-mt", reference: "RAS-wt", group: null, groupKey: null, population: "Whole cohort", analysis: "multivariable",
      covariates: [], treatment: null, referenceTreatment: null, molecularGroups: ["RAS"], reportedLevel: "gene-family", comparison: null,
      locator: `Table ${n}`, alsoAt: [], document: "doc", sourceLevel: "primary-full-text", citedAs: null, report: null, statement: null,
      direction: null, note: null, sameAs: null, computed: false, computeMethod: null, derivedFrom: [], logValue: null, logSe: null, flags: [],
      readingReason: null, exposureGroup: null, referenceGroup: null, publication: "Author A et al., J Test 2024", publicationDoi: null,
      ...fields,
    });
    return { ...base, read: { ...base.read, ...read }, consistentPrinting: consistentPrinting ?? null, explainedDifference: explainedDifference ?? null, misprint: misprint ?? null, updatesChain: updatesChain ?? [] };
  }
  const ratio = (v: string, lo: string, hi: string, p: string | null = null, over: Over = {}) =>
    effect({ valueText: v, value: Number(v), ciLowerText: lo, ciLower: Number(lo), ciUpperText: hi, ciUpper: Number(hi), p, ...over });
  const prop = (v: string, events: number | null, total: number | null, over: Over = {}) =>
    effect({ kind: "arm", measure: "proportion", valueText: v, value: Number(v), events, total, group: "A", groupKey: "a", ...propDefaults, ...over });
  return { effect, ratio, prop };
}
