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
    expect(ratioMeaning("favourable", "客观缓解率", ["OR"], "zh")).toBe("OR 大于 1：首先列出的组更可能出现客观缓解率（对该组更好）；小于 1：更不可能。");
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

// Pooled forest plots and their sentences, from a hand-made pooled answer (the statistics are
// tested in lib/stats and lib/pooling; here only what is drawn and printed).
import { formatPValue, formatRatio, heterogeneityText, intervalWarnings, pooledEstimateText, pooledForest, pooledSummaryText } from "./series";
import type { PoolResult } from "../pooling/pool";

const studyRow = (id: string, study: string, year: number, estimate: number, weight: number, extra: Partial<PoolResult["rows"][number]> = {}): PoolResult["rows"][number] => ({
  id: `${id}/rec-${id}`, studyId: id, study, year, n: 100, estimate, ciLower: estimate / 2, ciUpper: estimate * 2, inverted: false, narrower: false, reportedAs: null, weight, subgroup: null, label: study, ...extra,
});
const pooled: PoolResult = {
  k: 3, measure: "HR", endpoint: "OS", comparison: { exposure: "RAS", reference: "RAS-wt" }, analysis: "multivariable", setting: "after liver resection or local treatment",
  method: "REML", ci: "hksj", estimate: 1.5, ciLower: 1.1, ciUpper: 2.05, piLower: 0.8, piUpper: 2.8, p: 0.02, tau2: 0.04, tau2CiLower: 0, tau2CiUpper: 0.9, tau2CiAtSearchLimit: false, hksjFactor: 1.1,
  i2: 40.2, h2: 1.67, q: 3.3, qDf: 2, qP: 0.19, participants: 300, weights: [],
  rows: [
    studyRow("b", "Beta 2019", 2019, 1.2, 50, { inverted: true, label: "Beta 2019 (inverted)" }),
    studyRow("a", "Alpha", 2015, 2.0, 20, { narrower: true, label: "Alpha (KRAS level)" }),
    studyRow("c", "Gamma 2021", 2021, 1.6, 30),
  ],
  included: ["a/rec-a", "b/rec-b", "c/rec-c"], inverted: ["b/rec-b"], excluded: [], notPooled: [], notPooledZh: [], refused: null, refusal: null, leaveOneOut: [],
};

describe("pooled forest plots", () => {
  it("draws each estimate sorted by year, then the pooled diamond with its prediction interval", () => {
    const forest = pooledForest(pooled)!;
    expect(forest.rows.map((r) => r.kind)).toEqual(["study", "study", "study", "pooled"]);
    expect(forest.rows.map((r) => r.label)).toEqual(["Alpha, 2015 (KRAS level)", "Beta 2019 (inverted)", "Gamma 2021", "Pooled (REML, HKSJ), k = 3 · 95% PI 0.80–2.80"]);
    const diamond = forest.rows.at(-1)!;
    expect(diamond).toMatchObject({ scope: "overall", estimate: 1.5, ciLower: 1.1, ciUpper: 2.05, piLower: 0.8, piUpper: 2.8 });
  });
  it("sorts by weight (heaviest first), estimate or N when asked", () => {
    const names = (sort: Parameters<typeof pooledForest>[1]) => pooledForest(pooled, sort)!.rows.flatMap((r) => (r.kind === "study" ? [r.study] : []));
    expect(names("weight")).toEqual(["Beta 2019", "Gamma 2021", "Alpha"]);
    expect(names("estimate")).toEqual(["Beta 2019", "Gamma 2021", "Alpha"]);
    expect(names("study")).toEqual(["Alpha", "Beta 2019", "Gamma 2021"]);
  });
  it("labels inverted and narrower rows in Chinese, the study name as printed", () => {
    const rows: PoolResult["rows"] = [
      studyRow("b", "Beta 2019", 2019, 1.2, 50, { inverted: true, label: "Beta 2019 (inverted)" }),
      studyRow("a", "Alpha", 2015, 2.0, 20, { narrower: true, reportedAs: { exposure: "KRAS", reference: "KRAS-wt" }, label: "Alpha (as KRAS vs KRAS-wt)" }),
    ];
    const zhLabels = pooledForest({ ...pooled, rows }, "year", "zh")!.rows.flatMap((r) => (r.kind === "study" ? [r.label] : []));
    expect(zhLabels).toEqual(["Alpha, 2015（按 KRAS 对 KRAS-wt）", "Beta 2019（反向）"]);
    expect(zhLabels.join(" ")).not.toMatch(/inverted|\(as /);
  });
  it("links each row to its record on the study page", () => {
    const row = pooledForest(pooled)!.rows[0]!;
    expect(row.kind === "study" && row.href).toBe("/studies/a#rec-a");
  });
  it("puts each subgroup's rows under a heading with its own diamond, then the overall one", () => {
    const result: PoolResult = {
      ...pooled,
      rows: pooled.rows.map((r, i) => ({ ...r, subgroup: i === 0 ? "systemic therapy" : "liver-directed therapy" })),
      subgroups: [
        { group: "liver-directed therapy", k: 2, estimate: 1.8, ciLower: 1.1, ciUpper: 3, piLower: null, piUpper: null, i2: 10, tau2: 0.01 },
        { group: "systemic therapy", k: 1, estimate: 1.2, ciLower: 0.6, ciUpper: 2.4, piLower: null, piUpper: null, i2: 0, tau2: 0 },
      ],
      subgroupTest: { q: 1.1, df: 1, p: 0.29 },
    };
    const forest = pooledForest(result)!;
    expect(forest.subgrouped).toBe(true);
    expect(forest.rows.map((r) => `${r.kind}:${r.kind === "study" ? r.study : r.key}`)).toEqual([
      "header:header:liver-directed therapy",
      "study:Alpha",
      "study:Gamma 2021",
      "pooled:pooled:liver-directed therapy",
      "header:header:systemic therapy",
      "study:Beta 2019",
      "pooled:pooled:systemic therapy",
      "header:header:overall",
      "pooled:pooled:overall",
    ]);    const labels = (f: typeof forest) => f.rows.flatMap((r) => (r.kind === "study" ? [] : [r.label]));
    // In Chinese the subgroup headings are the groups as the page labels them (here the settings), with a full-width bracket.
    const groupZh: Record<string, string> = { "liver-directed therapy": "肝脏定向治疗", "systemic therapy": "全身治疗" };
    const zhLabels = labels(pooledForest(result, "year", "zh", (g) => groupZh[g] ?? g)!);
    expect(zhLabels).toEqual(["肝脏定向治疗（k = 2）", "小计, k = 2 · I² 10%", "全身治疗（k = 1）", "小计, k = 1（即该研究本身）", "全部研究", "总体 (REML, HKSJ), k = 3 · 95% PI 0.80–2.80"]);
    expect(pooledForest(result, "year", "en")).toEqual(forest);
  });
  it("draws no diamond when pooling is refused, only the single estimate", () => {
    const refused: PoolResult = { ...pooled, k: 1, rows: [pooled.rows[0]!], estimate: null, ciLower: null, ciUpper: null, piLower: null, piUpper: null, refused: "Only one usable estimate: nothing to pool. It is shown as it stands.", refusal: { code: "one" } };
    expect(pooledForest(refused)!.rows.map((r) => r.kind)).toEqual(["study"]);
    expect(pooledSummaryText(refused, { exposure: "RAS-mutant", reference: "RAS wild-type" }).text).toBe("HR not pooled: only one usable estimate for RAS-mutant vs RAS wild-type");
    expect(pooledForest({ ...refused, k: 0, rows: [] })).toBeNull();
  });
});

describe("pooled sentences", () => {
  it("reads computed ratios at two decimals, bounded far out", () => {
    expect([formatRatio(0.7753), formatRatio(12.34), formatRatio(0.0456), formatRatio(3e-8), formatRatio(2e6)]).toEqual(["0.78", "12.3", "0.046", "<0.001", ">1000"]);
  });
  it("prints the summary line of a browser forest plot", () => {
    expect(pooledSummaryText(pooled, { exposure: "RAS-mutant", reference: "RAS wild-type" }).text).toBe(
      "Pooled (REML, HKSJ), RAS-mutant vs RAS wild-type: HR 1.50 (1.10–2.05), PI 0.80–2.80, I² 40%, k = 3",
    );
    expect(pooledSummaryText(pooled, { exposure: "RAS 突变", reference: "RAS 野生型" }, "zh").text).toBe("合并（REML, HKSJ），RAS 突变 对比 RAS 野生型：HR 1.50（1.10–2.05），PI 0.80–2.80，I² 40%，k = 3");
  });
  it("prints heterogeneity with τ²'s CI, and a Q-profile bound at the search limit as a limit", () => {
    expect(heterogeneityText(pooled)).toBe("Heterogeneity: τ² = 0.040 (95% CI 0.000 to 0.900); I² = 40%; H² = 1.67; Q = 3.30 (df = 2, p = 0.19).");
    expect(heterogeneityText({ ...pooled, tau2: 0.65, tau2CiUpper: 100, tau2CiAtSearchLimit: true })).toContain("(95% CI 0.000 to >100.000)");
  });
  it("warns when HKSJ rests on two studies or is narrower than Wald", () => {
    const wald = { ...pooled, ci: "wald" as const, ciLower: 1.0, ciUpper: 2.3 };
    expect(intervalWarnings({ ...pooled, ciLower: 0.9, ciUpper: 2.5 }, wald)).toEqual([]);
    const narrow = { ...pooled, k: 2, ciLower: 1.3, ciUpper: 1.7 };
    const warnings = intervalWarnings(narrow, wald);
    expect(warnings).toHaveLength(2);
    expect(warnings[1]).toContain("narrower than the Wald interval (1.00–2.30)");
    expect(intervalWarnings({ ...narrow, ci: "hksj-truncated" }, wald)).toEqual([]);
  });
  it("prints the pooled line, heterogeneity and warnings in Chinese for locale zh, English by default", () => {
    expect(pooledEstimateText(pooled, "zh")).toBe(`HR 1.50（95% CI 1.10–2.05），${pooledEstimateText(pooled)!.split("), ")[1]!.split(";")[0]}；95% 预测区间 0.80–2.80`);
    expect(pooledEstimateText(pooled)).toMatch(/^HR 1\.50 \(95% CI 1\.10–2\.05\), p .*; 95% prediction interval 0\.80–2\.80$/);
    expect(heterogeneityText(pooled, "zh")).toBe("异质性：τ² = 0.040（95% CI 0.000 至 0.900）；I² = 40%；H² = 1.67；Q = 3.30（df = 2，p = 0.19）。");
    expect(heterogeneityText(pooled, "en")).toBe(heterogeneityText(pooled));
    const wald = { ...pooled, ci: "wald" as const, ciLower: 1.0, ciUpper: 2.3 };
    const zh = intervalWarnings({ ...pooled, k: 2, ciLower: 1.3, ciUpper: 1.7 }, wald, "zh");
    expect(zh[0]).toMatch(/^仅有两项研究/);
    expect(zh[1]).toContain("窄于 Wald 区间（1.00–2.30）");
  });
});

describe("formatPValue", () => {
  it("prints p as read, and says in the interface's language where none could be computed", () => {
    expect(formatPValue(0.0251)).toBe("p = 0.025");
    expect(formatPValue(0.0004)).toBe("p < 0.001");
    expect(formatPValue(null)).toBe("p not computed");
    expect(formatPValue(Number.NaN, "zh")).toBe("p 值未计算");
    expect(formatPValue(0.31, "zh")).toBe("p = 0.31");
  });
});
