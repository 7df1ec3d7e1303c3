// Known-answer tests for every integrity check, on small synthetic records.
import { describe, expect, it } from "vitest";
import { recordFactory } from "./test-records";
import { checkPercent } from "./percent";
import { checkEstimateInsideCi, checkLogSymmetry } from "./ci";
import { checkPAgainstCi, printedPRange, pRangeFromPrintedCi } from "./p-value";
import { checkDuplicates } from "./duplicates";
import { checkGroupSums } from "./groups";
import { checkPlausibility } from "./plausibility";
import { checkDirection } from "./direction";
import { fittingCounts } from "./percent";

const { effect, ratio, prop } = recordFactory();

describe("percent-mismatch", () => {
  it("flags SYSU's 51 (26.0%) of 193 and says 26.4% is consistent", () => {
    const [f] = checkPercent([prop("26.0", 51, 193)]);
    expect(f?.code).toBe("percent-mismatch");
    expect(f?.expected).toBe("26.4% (51/193)");
  });
  it("accepts rounding at the printed precision (17/47 = 36.17%, 7/11 = 64%)", () => {
    expect(checkPercent([prop("36.17", 17, 47), prop("64", 7, 11), prop("44.0", 85, 193)])).toEqual([]);
  });
  it("flags 56.7% for 42/74 (56.76%)", () => {
    expect(checkPercent([prop("56.7", 42, 74)])).toHaveLength(1);
  });
});

describe("percent-mismatch with only a denominator", () => {
  it("finds the whole counts a printed percentage allows", () => {
    expect(fittingCounts("64", 11)).toEqual([7]);
    expect(fittingCounts("83.8", 73)).toEqual([]);
  });
  it("flags NIVACOR's 83.8% of 73 and Spectrum's 66.7% of 11", () => {
    const flags = checkPercent([prop("83.8", 0, 73, { events: null }), prop("66.7", 0, 11, { events: null }), prop("18.2", 0, 11, { events: null })]);
    expect(flags.map((f) => f.expected)).toEqual(["83.6% or 84.9% of 73", "63.6% or 72.7% of 11"]);
  });
});

describe("estimate-outside-ci", () => {
  it("flags an HR of 248 with CI 1.31-4.70 and a reversed CI", () => {
    expect(checkEstimateInsideCi([ratio("248", "1.31", "4.70")])[0]?.code).toBe("estimate-outside-ci");
    expect(checkEstimateInsideCi([ratio("0.97", "049", "1.94")])[0]?.message).toContain("exceeds its upper bound");
  });
  it("accepts an estimate inside its CI", () => {
    expect(checkEstimateInsideCi([ratio("3.37", "1.76", "6.47")])).toEqual([]);
  });
});

describe("ci-asymmetric", () => {
  it("flags SYSU's bilobar OR 2.017 (1.015-4.229) and gives the consistent upper bound 4.008", () => {
    const [f] = checkLogSymmetry([ratio("2.017", "1.015", "4.229", null, { measure: "OR" })]);
    expect(f?.code).toBe("ci-asymmetric");
    expect(f?.expected).toContain("upper bound 4.008");
  });
  it("accepts NCCH's HR 2.20 (1.40-3.44), symmetric within rounding", () => {
    expect(checkLogSymmetry([ratio("2.20", "1.40", "3.44")])).toEqual([]);
  });
  it("ignores differences and medians", () => {
    expect(checkLogSymmetry([ratio("12", "-11", "36", null, { measure: "RD" })])).toEqual([]);
  });
});

describe("p-ci-mismatch", () => {
  it("computes the p range a printed CI allows", () => {
    const r = pRangeFromPrintedCi("3.37", "1.76", "6.47", "log")!;
    expect(r.lo).toBeLessThan(0.000254);
    expect(r.hi).toBeGreaterThan(0.000254);
  });
  it("reads printed p-values as ranges", () => {
    expect(printedPRange("<0.001")).toEqual({ lo: 0, hi: 0.001 });
    expect(printedPRange("0.03")!.lo).toBeCloseTo(0.025, 10);
    expect(printedPRange("0.03")!.hi).toBeCloseTo(0.035, 10);
  });
  it("accepts NCCH's HR 3.37 (1.76-6.47) p<0.001 and short-SCP OR 2.31 (1.08-4.95) p=0.03", () => {
    expect(checkPAgainstCi([ratio("3.37", "1.76", "6.47", "<0.001"), ratio("2.31", "1.08", "4.95", "0.03", { measure: "OR" })])).toEqual([]);
  });
  it("flags a p-value that a symmetric CI contradicts (Wald)", () => {
    // HR 2.00 (1.40-2.86) is centred on the log scale and implies p ≈ 0.0001, not 0.04.
    const [f] = checkPAgainstCi([ratio("2.00", "1.40", "2.86", "0.04")]);
    expect(f?.code).toBe("p-ci-mismatch");
    expect(f?.message).toContain("Wald");
  });
  it("does not test a p against an interval that is not centred on its estimate: the asymmetry is the finding", () => {
    // SYSU's bilobar OR 2.017 (1.015-4.229), p 0.045: the upper bound (≈4.008) is the misprint, not the p.
    expect(checkPAgainstCi([ratio("2.017", "1.015", "4.229", "0.045", { measure: "OR" })])).toEqual([]);
    const [asym] = checkLogSymmetry([ratio("2.017", "1.015", "4.229", "0.045", { measure: "OR" })]);
    expect(asym?.expected).toBe("estimate 2.072; or upper bound 4.008 (consistent with the printed p 0.045)");
  });
  it("flags a significant p with a CI that crosses 1 as an error", () => {
    const [f] = checkPAgainstCi([ratio("1.50", "0.80", "2.81", "0.01")]);
    expect(f?.severity).toBe("error");
  });
});

describe("duplicate-mismatch and secondary-mismatch", () => {
  it("pairs the same quantity printed twice in one document with different figures, naming both locators", () => {
    const a = prop("55.4", 107, 193, { endpoint: "early-progression", locator: "Abstract" });
    const b = prop("53.9", 104, 193, { endpoint: "early-progression", locator: "Results" });
    const flags = checkDuplicates([a, b]);
    expect(flags).toHaveLength(2);
    expect(flags[0]?.code).toBe("duplicate-mismatch");
    expect(flags[0]?.otherLocator).toContain("Results");
    expect(flags[1]?.otherLocator).toContain("Abstract");
  });
  it("does not pair identical printings or different quantities", () => {
    const a = ratio("3.37", "1.76", "6.47", "<0.001");
    const b = ratio("3.37", "1.76", "6.47", "<0.001");
    const c = ratio("2.48", "1.31", "4.70", "0.005", { exposure: "CRLM > 5 cm", reference: "≤ 5 cm" });
    expect(checkDuplicates([a, b, c])).toEqual([]);
  });
  it("flags a secondary figure that differs from the primary one, also across labels via sameAs", () => {
    const primary = prop("23.40", 11, 47, { kind: "frequency", endpoint: "mutation-frequency", molecularGroups: ["KRAS-G12V"], document: "preprint" });
    const secondary = prop("23.4", 0, 0, {
      kind: "frequency", endpoint: "mutation-frequency", molecularGroups: ["KRAS-G12C"], document: "review", sourceLevel: "secondary", citedAs: "own data",
      events: null, total: null, sameAs: primary.id,
    });
    const flags = checkDuplicates([primary, secondary]);
    expect(flags[0]?.code).toBe("secondary-mismatch");
    expect(flags[0]?.message).toContain("molecular group");
  });
  it("treats 0.031 and .03 as the same p, 17.2 and 17.02 as different values", () => {
    const a = prop("17.02", 8, 47, { kind: "frequency", endpoint: "mutation-frequency", document: "preprint" });
    const b = prop("17.2", 8, 47, { kind: "frequency", endpoint: "mutation-frequency", document: "review", sourceLevel: "secondary", citedAs: "x", events: null, total: null });
    expect(checkDuplicates([a, b])[0]?.message).toContain("value 17.2 vs 17.02");
    const p1 = effect({ kind: "p-only", measure: null, p: "0.031", comparison: "os", document: "review", sourceLevel: "secondary", citedAs: "[14]" });
    const p2 = effect({ kind: "p-only", measure: null, p: ".03", comparison: "os", document: "abstract" });
    expect(checkDuplicates([p1, p2])).toEqual([]);
  });
});

describe("direction-mismatch", () => {
  const arms = (a: string, b: string, measure: "proportion" | "median", endpoint = "ORR") => [
    prop(a, 0, 0, { events: null, total: null, measure, endpoint, comparison: "c", group: "FOLFOXIRI-bev", groupKey: "folfoxiri-bev" }),
    prop(b, 0, 0, { events: null, total: null, measure, endpoint, comparison: "c", group: "FOLFOX-bev", groupKey: "folfox-bev" }),
  ];
  it("flags VISNU-1's OR 0.61 while ORR rose from 57% to 69%", () => {
    const or = ratio("0.61", "0.38", "0.97", "0.0381", { measure: "OR", endpoint: "ORR", comparison: "c", exposure: "FOLFOXIRI-bev", reference: "FOLFOX-bev" });
    const [f] = checkDirection([...arms("69", "57", "proportion"), or]);
    expect(f?.code).toBe("direction-mismatch");
    expect(f?.expected).toContain("reciprocal 1.64");
  });
  it("accepts an HR below 1 with a longer median, and an OR above 1 with a higher proportion", () => {
    const hr = ratio("0.77", "0.60", "0.99", null, { endpoint: "PFS", comparison: "c", exposure: "FOLFOXIRI-bev", reference: "FOLFOX-bev" });
    const or = ratio("1.64", "1.03", "2.63", null, { measure: "OR", endpoint: "ORR", comparison: "c", exposure: "FOLFOXIRI-bev", reference: "FOLFOX-bev" });
    expect(checkDirection([...arms("10.6", "9.0", "median", "PFS"), hr])).toEqual([]);
    expect(checkDirection([...arms("69", "57", "proportion"), or])).toEqual([]);
  });
});

describe("groups-sum", () => {
  it("flags arms that do not add up to N", () => {
    const [f] = checkGroupSums([{ studyId: "s", label: "RAS status", total: 150, locator: "Results", arms: [{ id: "mt", label: "RAS-mt", n: 63 }, { id: "wt", label: "RAS-wt", n: 86 }] }]);
    expect(f?.message).toBe("RAS status: RAS-mt 63 + RAS-wt 86 = 149, not the total of 150.");
  });
  it("accepts arms that add up", () => {
    expect(checkGroupSums([{ studyId: "s", label: "x", total: 193, locator: null, arms: [{ id: "a", label: "a", n: 51 }, { id: "b", label: "b", n: 142 }] }])).toEqual([]);
  });
});

describe("implausible-value", () => {
  it("reads '5740' months as 57.40 and HR '248' within its CI as 2.48", () => {
    expect(checkPlausibility([effect({ kind: "arm", measure: "median", unit: "months", valueText: "5740", value: 5740 })])[0]?.expected).toBe("57.40");
    expect(checkPlausibility([ratio("248", "1.31", "4.70")])[0]?.expected).toBe("2.48 (within the printed CI)");
  });
  it("accepts plausible figures", () => {
    expect(checkPlausibility([effect({ kind: "arm", measure: "median", unit: "months", valueText: "70.03", value: 70.03 }), ratio("10.485", "4.958", "22.176")])).toEqual([]);
  });
});

describe("severity: what a clinician is warned about", () => {
  it("a percentage cut rather than rounded is a note; an impossible one an error", () => {
    expect(checkPercent([prop("56.7", 42, 74)])[0]?.severity).toBe("note");
    expect(checkPercent([prop("26.0", 51, 193)])[0]?.severity).toBe("error");
  });
  it("every flag leads with a plain sentence that names no record id or file", () => {
    const flags = [
      ...checkPercent([prop("26.0", 51, 193)]),
      ...checkPAgainstCi([ratio("2.00", "1.40", "2.86", "0.04")]),
      ...checkDuplicates([prop("55.4", 107, 193, { endpoint: "early-progression", locator: "Abstract" }), prop("53.9", 104, 193, { endpoint: "early-progression", locator: "Results" })]),
    ];
    for (const f of flags) {
      expect(f.summary.length).toBeGreaterThan(20);
      expect(f.summary).not.toMatch(/\bs\/e\d+|\.ya?ml|\.md\b/);
    }
  });
});

describe("a damaged twin: only the damaged printing is flagged", () => {
  // NCCH: the Results print a median OS of 44.03 months; Table 2's copy lost its decimal point (4403).
  const clean = effect({ kind: "arm", measure: "median", unit: "months", valueText: "44.03", value: 44.03, group: "RAS-mt", groupKey: "ras-mt", locator: "Results, paragraph 'Prognosis'" });
  const damaged = effect({ kind: "arm", measure: "median", unit: "months", valueText: "4403", value: 44.03, group: "RAS-mt", groupKey: "ras-mt", locator: "Table 2, univariate column (MST)", readingReason: "decimal point lost in the table text", read: { valueText: "44.03" } });
  const all = [...checkDuplicates([clean, damaged]), ...checkPlausibility([clean, damaged])];
  it("flags the damaged printing once, with its reading, as a note when its twin confirms it", () => {
    const own = all.filter((f) => f.effectId === damaged.id);
    expect(own).toHaveLength(1);
    expect(own[0]?.code).toBe("damaged-print");
    expect(own[0]?.severity).toBe("note");
    expect(own[0]?.summary).toContain("read as 44.03");
  });
  it("gives the clean printing at most a note, never a warning", () => {
    const twin = all.filter((f) => f.effectId === clean.id);
    expect(twin.every((f) => f.severity === "note")).toBe(true);
    expect(twin[0]?.summary).toContain("4403");
  });
  it("a damaged printing with no twin is a warning; an implausible one with no reading an error", () => {
    const alone = effect({ kind: "arm", measure: "median", unit: "months", valueText: "5740", value: 57.4, readingReason: "decimal point lost", read: { valueText: "57.40" } });
    expect(checkPlausibility([alone])[0]?.severity).toBe("warning");
    const unread = effect({ kind: "arm", measure: "median", unit: "months", valueText: "5740", value: 5740 });
    expect(checkPlausibility([unread])[0]).toMatchObject({ code: "implausible-value", severity: "error", expected: "57.40" });
  });
});

describe("no check computes from a damaged figure", () => {
  // NCCH Table 2: "248 (1.31-4.70), p 0.005" read as HR 2.48; the reading is consistent everywhere.
  const hr = ratio("248", "1.31", "4.70", "0.005", { value: 2.48, readingReason: "decimal point lost", read: { valueText: "2.48" } });
  it("estimate, symmetry and p-value checks use the reading", () => {
    expect(checkEstimateInsideCi([hr])).toEqual([]);
    expect(checkLogSymmetry([hr])).toEqual([]);
    expect(checkPAgainstCi([hr])).toEqual([]);
  });
  it("a bound that cannot be read (null) is not computed from", () => {
    const unreadable = ratio("0.97", "049", "1.94", "0.93", { ciLower: null, readingReason: "bound damaged", read: { ciLowerText: null } });
    expect(checkEstimateInsideCi([unreadable])).toEqual([]);
    expect(checkPAgainstCi([unreadable])).toEqual([]);
  });
});

describe("an update between reports is a note, not a warning", () => {
  // CAIRO5 OS HR: ESMO 2023 abstract LBA27 0.92 (0.70-1.20) p 0.52; final paper 0.90 (0.70-1.17) p .44.
  const abstract = ratio("0.92", "0.70", "1.20", "0.52", { studyId: "cairo5", report: "lba27", publication: "CAIRO5, ESMO 2023 congress abstract LBA27" });
  const final = ratio("0.90", "0.70", "1.17", ".44", { studyId: "cairo5", report: "final", sameAs: abstract.id, updatesChain: ["lba27", "citation"], publication: "Bond MJG et al., JAMA Oncol 2024" });
  const flags = checkDuplicates([abstract, final]);
  it("flags both as report-update notes that say which is later", () => {
    expect(flags.map((f) => [f.code, f.severity])).toEqual([["report-update", "note"], ["report-update", "note"]]);
    expect(flags.find((f) => f.effectId === abstract.id)?.summary).toMatch(/^Updated in Bond MJG et al., JAMA Oncol 2024/);
  });
  it("without the update link the same pair is a warning", () => {
    expect(checkDuplicates([abstract, { ...final, updatesChain: [] }]).every((f) => f.severity === "warning")).toBe(true);
  });
});

describe("a difference the paper explains is a note", () => {
  // Spectrum: conversion 10/25 (40%) in the Abstract, 10/24 (42%) in the Discussion, which excludes the BRAF patient.
  const a = prop("40", 10, 25, { endpoint: "conversion", locator: "Abstract" });
  const b = prop("42", 10, 24, { endpoint: "conversion", locator: "Discussion, paragraph 3", explainedDifference: "The Discussion leaves out the one BRAF V600E patient (24 of 25)." });
  it("flags both as notes carrying the explanation", () => {
    const flags = checkDuplicates([a, b]);
    expect(flags.map((f) => f.severity)).toEqual(["note", "note"]);
    expect(flags[0]?.summary).toContain("BRAF V600E");
  });
});

describe("the printing the paper shows to be right", () => {
  // SYSU: the Abstract says 107 progressed early, the Results 104; the group counts 34 + 70 support 104.
  const abstract = prop("55.4", 107, 193, { endpoint: "early-progression", locator: "Abstract" });
  const results = prop("53.9", 104, 193, { endpoint: "early-progression", locator: "Results", consistentPrinting: "The group counts, 34 + 70, add up to 104." });
  it("is a note; the other an error naming the consistent figure", () => {
    const flags = checkDuplicates([abstract, results]);
    expect(flags.find((f) => f.effectId === results.id)?.severity).toBe("note");
    const wrong = flags.find((f) => f.effectId === abstract.id)!;
    expect(wrong.severity).toBe("error");
    expect(wrong.summary).toContain("34 + 70");
    expect(wrong.expected).toContain("53.9");
  });
});

describe("a review figure linked to a primary figure of another endpoint", () => {
  // SIRFLOX: the review's "ORR 78.7 vs 68.8" is the primary's response in the liver.
  const liver = prop("78.7", 0, 0, { events: null, total: null, endpoint: "ORR-liver", endpointLabel: "ORR in the liver", document: "primary" });
  const review = prop("78.7", 0, 0, { events: null, total: null, endpoint: "ORR", endpointLabel: "Objective response rate", document: "review", sourceLevel: "secondary", citedAs: "[32]", sameAs: liver.id, publication: "Peng JH, review 2022" });
  it("agrees in figures and says what the review left out", () => {
    const flags = checkDuplicates([liver, review]);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ code: "secondary-mismatch", severity: "note", effectId: review.id });
    expect(flags[0]?.summary).toContain("ORR in the liver");
  });
});
