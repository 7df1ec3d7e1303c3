import { describe, expect, it } from "vitest";
import { ratioMeaning, forestGroups } from "./series";
import type { EffectRecord } from "../domain/records";

const base = { id: "s/a", studyId: "s", studyShortName: "S", recordId: "a", kind: "contrast", endpoint: "OS", endpointLabel: "Overall survival", endpointRole: "time-to-event", measure: "HR", value: 2, valueText: "2.0", ciLower: 1, ciLowerText: "1.0", ciUpper: 4, ciUpperText: "4.0", ciLevel: 95, rangeLower: null, rangeLowerText: null, rangeUpper: null, rangeUpperText: null, p: null, test: null, events: null, total: null, unit: null, timepoint: null, exposure: "A", reference: "B", group: null, groupKey: null, population: "", analysis: "univariable", covariates: [], treatment: null, referenceTreatment: null, molecularGroups: [], reportedLevel: "none", comparison: null, locator: "T1", alsoAt: [], document: "d", sourceLevel: "primary-full-text", citedAs: null, report: null, statement: null, direction: null, note: null, sameAs: null, computed: false, computeMethod: null, derivedFrom: [], logValue: null, logSe: null, flags: [], readingReason: null, exposureGroup: null, referenceGroup: null, publication: "P", publicationDoi: null } as EffectRecord;

describe("what a ratio above 1 means", () => {
  it("is worse for a hazard ratio of a time-to-event endpoint", () => {
    expect(ratioMeaning("time-to-event", "Overall survival", ["HR"])).toContain("worse for it");
  });
  it("is better for the odds of a response or a resection", () => {
    expect(ratioMeaning("favourable", "Objective response rate", ["OR"])).toContain("better for it");
  });
  it("is worse for the odds of early progression", () => {
    expect(ratioMeaning("unfavourable", "Early progression", ["OR"])).toContain("worse for it");
  });
  it("does not call an odds ratio of being alive 'worse'", () => {
    expect(ratioMeaning("time-to-event", "Overall survival", ["OR", "RR"])).not.toContain("worse");
  });
  it("keeps hazard ratios and odds ratios of one endpoint in separate charts", () => {
    const groups = forestGroups([base, { ...base, id: "s/b", recordId: "b", measure: "OR", computed: true }]);
    expect(groups.map((g) => g.rows.map((r) => r.measure))).toEqual([["HR"], ["OR"]]);
  });
});
