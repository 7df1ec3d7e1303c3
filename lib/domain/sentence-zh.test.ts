// The clinician sentences in Chinese: the same numbers as the English ones, in Chinese words.
import { describe, expect, it } from "vitest";
import { analysisDetailText, armSizeText, clinicalSentence, figureText, readerContextText, shownNumber, studySizeText, type StudyFacts } from "./sentence";
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

describe("clinicalSentence in Chinese", () => {
  it("keeps the ratio, CI, p, groups, study and locator as printed and says the analysis in Chinese", () => {
    expect(clinicalSentence(base, "zh")).toBe("HR 3.37 (1.76–6.47)，p<0.001 · 多因素分析 · RAS-mt 对比 RAS-wt · NCCH 2024, Table 2");
  });
  it("leaves the English sentence as it was", () => {
    expect(clinicalSentence(base, "en")).toBe(clinicalSentence(base));
  });
  it("writes a median with its CI and unit in Chinese", () => {
    const median = { ...base, kind: "arm" as const, measure: "median", valueText: "44.03", unit: "months", ciLowerText: "36.19", ciUpperText: "51.87", p: null };
    expect(figureText(median, "zh")).toBe("中位数 44.03 个月 (95% CI 36.19–51.87)");
  });
  it("writes a proportion with n/N, and a denominator alone as 共 N 例", () => {
    const prop = { ...base, kind: "arm" as const, measure: "proportion", valueText: "22.3", value: 22.3, ciLowerText: null, ciUpperText: null, events: 27, total: 121, p: null };
    expect(figureText(prop, "zh")).toBe("22.3% (27/121)");
    expect(figureText({ ...prop, events: null }, "zh")).toBe("22.3% (共 121 例)");
  });
  it("says when only a p-value or a direction was reported", () => {
    expect(figureText({ ...base, kind: "p-only", measure: null, p: "0.033" }, "zh")).toBe("p=0.033（未报告效应量）");
    expect(figureText({ ...base, kind: "p-only", measure: null, p: null }, "zh")).toBe("未给出 p 值（未报告效应量）");
    expect(figureText({ ...base, kind: "direction", measure: null, direction: "worse" }, "zh")).toBe("仅报告方向：更差");
  });
  it("shows a damaged print's reading beside the print", () => {
    const hr = { ...base, value: 2.48, valueText: "248", ciLower: 1.31, ciLowerText: "1.31", ciUpper: 4.7, ciUpperText: "4.70", p: "0.005", readingReason: "decimal point lost" };
    expect(figureText(hr, "zh")).toBe("HR 2.48（原文印作 248） (1.31–4.70)，p=0.005");
    expect(shownNumber({ ...hr, value: null }, "value", "zh")).toBe("248（原文无法辨读）");
  });
  it("keeps a range and a unit the dictionary does not know as printed", () => {
    const range = { ...base, kind: "arm" as const, measure: "median", unit: "mm", valueText: "30", ciLowerText: null, ciUpperText: null, rangeLowerText: "10", rangeUpperText: "80", p: null };
    expect(figureText(range, "zh")).toBe("中位数 30 mm (范围 10–80)");
  });
});

describe("the reader's context in Chinese", () => {
  const ncch: StudyFacts = { id: "ncch-scp-2024", n: 150, designLabel: "回顾性队列研究", arms: [{ id: "ras-mt", label: "RAS-mt", n: 63, molecularGroup: "RAS", treatment: null }, { id: "ras-wt", label: "RAS-wt", n: 87, molecularGroup: "RAS-wt", treatment: null }] };
  it("gives N, the arms' n, the design and the covariates joined with 、", () => {
    const e = { ...base, covariates: ["RAS status", "CRLM size > 5 cm"] };
    expect(readerContextText(e, ncch, "zh")).toBe("N 150 · n 63 vs 87 · 回顾性队列研究 · 多因素分析，校正因素：RAS status、CRLM size > 5 cm");
  });
  it("says what is missing in Chinese", () => {
    expect(studySizeText(null, "zh")).toBe("N 未报告");
    expect(analysisDetailText({ ...base, covariates: [] }, "zh")).toBe("多因素分析（未列出校正因素）");
    expect(analysisDetailText({ ...base, analysis: "univariable" }, "zh")).toBe("单因素分析（未校正）");
    expect(analysisDetailText({ ...base, computed: true }, "zh")).toBe("由原文数字计算所得");
    expect(armSizeText({ ...base, kind: "arm", measure: "median", events: 40, total: 121 }, [], "zh")).toBe("40/121 例事件");
  });
});
