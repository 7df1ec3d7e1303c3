import { describe, expect, it } from "vitest";
import { analysisDetailText, armSizeText, clinicalSentence, comparisonText, figureText, formatP, readerContextText, studySizeText, type StudyFacts } from "./sentence";
import type { EffectRecord } from "./records";

const base: EffectRecord = {
  id: "ncch-scp-2024/os-mv-ras", studyId: "ncch-scp-2024", studyShortName: "NCCH 2024", recordId: "os-mv-ras", kind: "contrast",
  endpoint: "OS", endpointLabel: "Overall survival", endpointRole: "time-to-event", measure: "HR", value: 3.37, valueText: "3.37", ciLower: 1.76, ciLowerText: "1.76",
  ciUpper: 6.47, ciUpperText: "6.47", ciLevel: 95, rangeLower: null, rangeLowerText: null, rangeUpper: null, rangeUpperText: null,
  p: "<0.001", test: null, events: null, total: null, unit: null, timepoint: null, exposure: "RAS-mt", reference: "RAS-wt", group: null,
  groupKey: null, population: "Whole cohort", analysis: "multivariable", covariates: [], treatment: "hepatectomy", referenceTreatment: null,
  molecularGroups: ["RAS"], reportedLevel: "gene-family", comparison: null, locator: "Table 2", alsoAt: [], document: "ncch-fulltext",
  sourceLevel: "primary-full-text", citedAs: null, report: null, statement: null, direction: null, note: null, sameAs: null, computed: false,
  computeMethod: null, derivedFrom: [], logValue: null, logSe: null, flags: [],
  readingReason: null, exposureGroup: "RAS", referenceGroup: "RAS-wt", publication: "Ito S et al., World J Surg Oncol 2024", publicationDoi: null,
};

describe("clinicalSentence", () => {
  it("writes a ratio the way the issue's example does", () => {
    expect(clinicalSentence(base)).toBe("HR 3.37 (1.76–6.47), p<0.001 · multivariable · RAS-mt vs RAS-wt · NCCH 2024, Table 2");
  });
  it("writes a proportion with n/N", () => {
    expect(figureText({ ...base, kind: "arm", measure: "proportion", valueText: "22.3", value: 22.3, ciLowerText: null, ciUpperText: null, events: 27, total: 121, p: null })).toBe("22.3% (27/121)");
  });
  it("writes a median with its CI and unit", () => {
    expect(figureText({ ...base, kind: "arm", measure: "median", valueText: "44.03", unit: "months", ciLowerText: "36.19", ciUpperText: "51.87", p: null })).toBe(
      "Median 44.03 months (95% CI 36.19–51.87)",
    );
  });
  it("does not repeat a regimen the arm label already names, but keeps a characteristic", () => {
    const arm = { ...base, kind: "arm" as const, measure: "proportion", group: "Arm A: mFOLFOX6 + bevacizumab", exposure: "mFOLFOX6 + bevacizumab" };
    expect(comparisonText(arm)).toBe("Arm A: mFOLFOX6 + bevacizumab");
    expect(comparisonText({ ...arm, exposure: "Proteinuria" })).toBe("Arm A: mFOLFOX6 + bevacizumab — Proteinuria");
  });
  it("says when only a p-value was reported", () => {
    expect(figureText({ ...base, kind: "p-only", measure: null, p: "0.033" })).toBe("p=0.033 (no effect size reported)");
  });
  it("formats printed p-values", () => {
    expect(formatP("<0.001")).toBe("p<0.001");
    expect(formatP(".04")).toBe("p=.04");
    expect(formatP("=0.03")).toBe("p=0.03");
  });
});

describe("damaged print read", () => {
  it("shows the reading with the print: HR 2.48 (printed 248)", () => {
    const hr = { ...base, value: 2.48, valueText: "248", ciLower: 1.31, ciLowerText: "1.31", ciUpper: 4.7, ciUpperText: "4.70", p: "0.005", readingReason: "decimal point lost" };
    expect(figureText(hr)).toBe("HR 2.48 (printed 248) (1.31–4.70), p=0.005");
  });
  it("keeps two decimals from the print: a median of 57.40 (printed 5740) months", () => {
    const median = { ...base, kind: "arm" as const, measure: "median", unit: "months", value: 57.4, valueText: "5740", ciLower: null, ciLowerText: null, ciUpper: null, ciUpperText: null, p: null, readingReason: "decimal point lost" };
    expect(figureText(median)).toBe("Median 57.40 (printed 5740) months");
  });
  it("reads a lost decimal in a CI bound: 0.49 (printed 049)", () => {
    const hr = { ...base, value: 0.97, valueText: "0.97", ciLower: 0.49, ciLowerText: "049", ciUpper: 1.94, ciUpperText: "1.94", p: null, readingReason: "decimal point lost" };
    expect(figureText(hr)).toBe("HR 0.97 (0.49 (printed 049)–1.94)");
  });
});

describe("what a reader needs on the row", () => {
  const ncch: StudyFacts = {
    id: "ncch-scp-2024",
    n: 150,
    designLabel: "Retrospective cohort",
    arms: [
      { id: "ras-mt", label: "RAS-mutant", n: 63, molecularGroup: "RAS", treatment: "hepatectomy" },
      { id: "ras-wt", label: "RAS wild-type", n: 87, molecularGroup: "RAS-wt", treatment: "hepatectomy" },
    ],
  };
  const adjusted = { ...base, covariates: ["RAS status", "Primary tumour side", "CRLM size > 5 cm", "CA19-9 > 100 U/mL"] };

  it("gives study N, the arms' n, the design and the covariates of an adjusted estimate", () => {
    expect(readerContextText(adjusted, ncch)).toBe(
      "N 150 · n 63 vs 87 · retrospective cohort · multivariable, adjusted for RAS status, Primary tumour side, CRLM size > 5 cm, CA19-9 > 100 U/mL",
    );
  });
  it("says when a multivariable estimate lists no covariates, and names an unadjusted one", () => {
    expect(analysisDetailText(base)).toBe("multivariable (covariates not listed)");
    expect(analysisDetailText({ ...base, analysis: "univariable" })).toBe("univariable (unadjusted)");
    expect(analysisDetailText({ ...base, computed: true })).toBe("computed from printed figures");
  });
  it("finds the arms by id, molecular group or treatment, and never guesses between two", () => {
    const trial: StudyFacts["arms"] = [
      { id: "arm-a", label: "Arm A", n: 121, molecularGroup: "RAS", treatment: "mFOLFOX6-bev" },
      { id: "arm-b", label: "Arm B", n: 120, molecularGroup: "RAS", treatment: "mFOLFOX6" },
    ];
    expect(armSizeText({ ...base, exposureGroup: "arm-b", referenceGroup: "arm-a" }, trial)).toBe("n 120 vs 121");
    expect(armSizeText({ ...base, exposureGroup: "mFOLFOX6-bev", referenceGroup: "mFOLFOX6" }, trial)).toBe("n 121 vs 120");
    expect(armSizeText({ ...base, exposureGroup: "RAS", referenceGroup: "RAS-wt" }, trial)).toBeNull();
  });
  it("gives an arm's n, or its events/N, but does not repeat a proportion's n/N", () => {
    const arm = { ...base, kind: "arm" as const, groupKey: "ras-mt", exposureGroup: null, referenceGroup: null };
    expect(armSizeText({ ...arm, measure: "median" }, ncch.arms)).toBe("n 63");
    expect(armSizeText({ ...arm, measure: "median", events: 40, total: 63 }, ncch.arms)).toBe("40/63 events");
    expect(armSizeText({ ...arm, measure: "proportion", events: 27, total: 63 }, ncch.arms)).toBeNull();
    expect(armSizeText({ ...arm, measure: "count", events: 63, total: 150 }, ncch.arms)).toBe("of 150");
  });
  it("says N not reported, and leaves out what it does not know", () => {
    expect(studySizeText(null)).toBe("N not reported");
    expect(readerContextText({ ...base, analysis: "randomised" }, { ...ncch, n: null, arms: [], designLabel: "RCT" })).toBe("N not reported · RCT · randomised comparison");
    expect(readerContextText(adjusted, null)).toBe("multivariable, adjusted for RAS status, Primary tumour side, CRLM size > 5 cm, CA19-9 > 100 U/mL");
  });
});
