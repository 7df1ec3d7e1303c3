// Certainty of evidence, domain by domain, with known answers.
import { describe, expect, it } from "vitest";
import { applyOverrides, certaintyOf, eggerTest, imprecision, inconsistency, indirectness, publicationBias, riskOfBias, startingLevel, upgrades, type Domains } from "./certainty";
import { absoluteEffect, statementFor } from "./sof";
import type { EffectRecord } from "../domain/records";
import type { QuestionContent } from "../content/schema";

const t = { lower: 0.8, upper: 1.25 };
const pooled = (over: Partial<Parameters<typeof inconsistency>[0]> = {}) => ({ k: 3, estimate: 2, ciLower: 1.5, ciUpper: 2.7, piLower: 1.2, piUpper: 3.3, i2: 10, tau2: 0.01, rows: [{ estimate: 2, ciLower: 1.2, ciUpper: 3 }, { estimate: 1.8, ciLower: 1.1, ciUpper: 2.9 }, { estimate: 2.2, ciLower: 1.4, ciUpper: 3.5 }], ...over });
const notSerious = { rating: "not serious" as const, levels: 0, reason: "", numbers: {} };
const domains = (over: Partial<Domains> = {}): Domains => ({ riskOfBias: notSerious, inconsistency: notSerious, indirectness: notSerious, imprecision: notSerious, publicationBias: { ...notSerious, rating: "not applicable" }, ...over });

describe("starting level", () => {
  it("prognostic cohorts start high; intervention evidence starts high from trials, low from cohorts", () => {
    expect(startingLevel("prognostic", [{ design: "retrospective-cohort", weight: 100 }]).level).toBe("high");
    expect(startingLevel("intervention", [{ design: "rct-phase3", weight: 60 }, { design: "retrospective-cohort", weight: 40 }]).level).toBe("high");
    expect(startingLevel("intervention", [{ design: "retrospective-cohort", weight: 100 }]).level).toBe("low");
  });
});

describe("risk of bias", () => {
  it("weights each study's judgement by its weight; some concerns alone does not lower, high does", () => {
    expect(riskOfBias([{ studyId: "a", study: "A", weight: 100, judgement: "some-concerns", tool: "RoB2" }]).levels).toBe(0);
    expect(riskOfBias([{ studyId: "a", study: "A", weight: 70, judgement: "high", tool: "QUIPS" }, { studyId: "b", study: "B", weight: 30, judgement: "low", tool: "QUIPS" }]).levels).toBe(1);
    expect(riskOfBias([{ studyId: "a", study: "A", weight: 100, judgement: "critical", tool: "ROBINS-I" }]).levels).toBe(2);
  });
  it("never treats a study that was not assessed as low risk", () => {
    const r = riskOfBias([{ studyId: "a", study: "Study A", weight: 100, judgement: null, tool: null }]);
    expect(r).toMatchObject({ rating: "serious", levels: 1 });
    expect(r.reason).toContain("not assessed: Study A, counted as high risk rather than silently low");
  });
});

describe("inconsistency", () => {
  it("is not applicable to a single study, and says so", () => {
    expect(inconsistency(pooled({ k: 1, i2: null, rows: [] }), t)).toMatchObject({ rating: "not applicable", levels: 0 });
  });
  it("rates down for high I² or estimates significant on both sides of 1", () => {
    expect(inconsistency(pooled(), t).levels).toBe(0);
    expect(inconsistency(pooled({ i2: 60 }), t).levels).toBe(1);
    expect(inconsistency(pooled({ i2: 80, rows: [{ estimate: 2, ciLower: 1.2, ciUpper: 3 }, { estimate: 0.5, ciLower: 0.3, ciUpper: 0.8 }] }), t)).toMatchObject({ rating: "very serious", levels: 2 });
  });
});

describe("indirectness", () => {
  it("rates down when most of the weight answers another population, and twice where several reasons stack", () => {
    expect(indirectness([{ studyId: "a", study: "A", weight: 100, reasons: [] }]).levels).toBe(0);
    expect(indirectness([{ studyId: "a", study: "TRIBE", weight: 60, reasons: [{ why: "population", detail: "all-comers" }] }, { studyId: "b", study: "B", weight: 40, reasons: [] }]).levels).toBe(1);
    expect(indirectness([{ studyId: "a", study: "A", weight: 100, reasons: [{ why: "population", detail: "x" }, { why: "secondary report only", detail: "y" }] }]).levels).toBe(2);
  });
});

describe("imprecision", () => {
  it("judges the CI against the thresholds and no effect, and the information size", () => {
    expect(imprecision(pooled({ ciLower: 1.5, ciUpper: 2.7 }), t, 1000).levels).toBe(0);
    expect(imprecision(pooled({ ciLower: 1.5, ciUpper: 2.7 }), t, 150)).toMatchObject({ levels: 1, reason: expect.stringContaining("150 participants fall short") });
    expect(imprecision(pooled({ ciLower: 0.9, ciUpper: 1.6 }), t, 1000).levels).toBe(1);
    expect(imprecision(pooled({ ciLower: 0.7, ciUpper: 1.4 }), t, 1000).levels).toBe(2);
    expect(imprecision(pooled({ ciLower: 0.1, ciUpper: 9 }), t, 1000)).toMatchObject({ rating: "extremely serious", levels: 3 });
    expect(imprecision(pooled({ estimate: null, ciLower: null, ciUpper: null }), t, null).levels).toBe(3);
  });
});

describe("publication bias", () => {
  it("is not assessable below 10 studies, and says so", () => {
    expect(publicationBias([0.1, 0.2], [0.1, 0.2])).toMatchObject({ rating: "not applicable", levels: 0, reason: expect.stringContaining("at least 10") });
  });
  it("uses Egger's test from 10 studies (known answer: symmetric funnel, intercept 0)", () => {
    const sei = [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55];
    const yi = sei.map((_, i) => (i % 2 ? 0.3 : 0.1));
    const e = eggerTest(yi, sei);
    expect(Number.isFinite(e.p)).toBe(true);
    // A funnel where small studies show larger effects: yi grows with sei.
    const asym = sei.map((s) => 0.05 + 2 * s);
    expect(eggerTest(asym, sei).intercept).toBeCloseTo(2, 6);
    expect(publicationBias(asym, sei).levels).toBe(1);
  });
});

describe("certainty arithmetic", () => {
  it("is the start minus the levels down plus the levels up, bounded, and says so", () => {
    expect(certaintyOf("high", domains({ riskOfBias: { ...notSerious, rating: "serious", levels: 1 } }), [])).toEqual({ certainty: "moderate", arithmetic: "high (start) − 1 level down + 0 up = moderate" });
    expect(certaintyOf("low", domains(), [{ reason: "large", levels: 1 }]).certainty).toBe("moderate");
    expect(certaintyOf("low", domains({ imprecision: { ...notSerious, rating: "extremely serious", levels: 3 } }), []).arithmetic).toContain("bounded: the sum falls below very low");
    expect(certaintyOf("high", domains(), [{ reason: "large", levels: 2 }]).certainty).toBe("high");
  });
  it("rates up a large effect only below high and without serious risk of bias", () => {
    expect(upgrades("low", 0, pooled({ ciLower: 2.2, ciUpper: 4 }))).toEqual([expect.objectContaining({ levels: 1 })]);
    expect(upgrades("low", 0, pooled({ ciLower: 5.5, ciUpper: 9 }))[0]?.levels).toBe(2);
    expect(upgrades("low", 1, pooled({ ciLower: 2.2, ciUpper: 4 }))).toEqual([]);
    expect(upgrades("high", 0, pooled({ ciLower: 2.2, ciUpper: 4 }))).toEqual([]);
  });
  it("an override replaces a domain's rating, keeps the computed one, and shows as an override", () => {
    const d = applyOverrides(domains({ inconsistency: { ...notSerious, reason: "I² 10%" } }), [{ domain: "inconsistency", rating: "serious", levels: 1, reason: "Clinical heterogeneity of regimens" }]);
    expect(d.inconsistency).toMatchObject({ rating: "serious", levels: 1, override: { reason: "Clinical heterogeneity of regimens", computed: { rating: "not serious", levels: 0 } } });
  });
});

describe("the domains' reasons in Chinese for locale zh", () => {
  it("gives the same levels and numbers with Chinese reasons; English unchanged", () => {
    expect(startingLevel("prognostic", [], "zh").reason).toBe("预后因素问题：纵向队列研究从高确定性起评（GRADE 预后指南，Iorio 2015）。");
    const rob = [{ studyId: "a", study: "A", weight: 70, judgement: "high", tool: "QUIPS" }, { studyId: "b", study: "B", weight: 30, judgement: null, tool: null }];
    expect(riskOfBias(rob, "zh")).toMatchObject({ levels: riskOfBias(rob).levels, reason: "70% 的权重处于高偏倚风险，30% 的权重未评估（加权关注度 1.00：低 0，存在一些问题 0.5，高 1，极严重 2）；未评估：B，按高偏倚风险计，而非默认为低。" });
    expect(inconsistency(pooled({ i2: 60 }), t, "zh").reason).toMatch(/^I² 60%(；预测区间 .+)?。$/);
    const zhImprecision = imprecision(pooled({ ciLower: 1.5, ciUpper: 2.7 }), t, 150, 400, "zh");
    expect(zhImprecision).toMatchObject({ levels: 1, reason: "置信区间 1.50–2.70 位于重要效应阈值之外，但 150 名受试者未达到约 400 的最优信息量（各研究未报告事件数，故以受试者人数代替）。" });
    expect(imprecision(pooled({ ciLower: 1.5, ciUpper: 2.7 }), t, 150, 400, "en")).toEqual(imprecision(pooled({ ciLower: 1.5, ciUpper: 2.7 }), t, 150));
    expect(publicationBias([0.1, 0.2], [0.1, 0.1], "zh").reason).toBe("无法评估：2 项研究（漏斗图或小研究效应检验至少需要 10 项）。");
    expect(indirectness([{ studyId: "a", study: "TRIBE", weight: 100, reasons: [{ why: "population", detail: "人群为全部患者" }] }], "zh").reason).toBe("100% 的权重为间接证据：TRIBE：人群为全部患者。");
  });
});

describe("statements and absolute effects", () => {
  const q = { kind: "prognostic", exposureWords: "RAS mutation" } as QuestionContent;
  it("uses GRADE's wording by certainty", () => {
    const est = { estimate: 2.96, ciLower: 1.35, ciUpper: 6.48 };
    expect(statementFor(q, "Early progression", "unfavourable", "moderate", est, t)).toBe("RAS mutation is probably associated with a higher risk of early progression.");
    expect(statementFor(q, "Overall survival", "time-to-event", "low", { estimate: 3.37, ciLower: 1.76, ciUpper: 6.47 }, t)).toBe("RAS mutation may be associated with shorter overall survival.");
    expect(statementFor(q, "Overall survival", "time-to-event", "very low", est, t)).toBe("The evidence is very uncertain about the association of RAS mutation with overall survival.");
    const i = { kind: "intervention", exposureWords: "adding bevacizumab to mFOLFOX6" } as QuestionContent;
    expect(statementFor(i, "R0 resection rate", "favourable", "low", { estimate: 4.6, ciLower: 1.9, ciUpper: 11 }, t)).toBe("Adding bevacizumab to mFOLFOX6 may increase R0 resection rate.");
    expect(statementFor(i, "Overall survival", "time-to-event", "high", { estimate: 1.05, ciLower: 0.9, ciUpper: 1.2 }, t)).toBe("Adding bevacizumab to mFOLFOX6 results in little or no difference in overall survival.");
  });
  it("says the same in GRADE's Chinese wording for locale zh, with the question's Chinese exposure words", () => {
    const est = { estimate: 2.96, ciLower: 1.35, ciUpper: 6.48 };
    const qz = { ...q, exposureWordsZh: "RAS 突变" } as QuestionContent;
    expect(statementFor(qz, "早期进展", "unfavourable", "moderate", est, t, "zh")).toBe("RAS 突变可能与早期进展风险升高相关。");
    expect(statementFor(qz, "总生存期", "time-to-event", "very low", est, t, "zh")).toBe("RAS 突变与总生存期之间关联的证据非常不确定。");
    const i = { kind: "intervention", exposureWords: "adding bevacizumab to mFOLFOX6", exposureWordsZh: "在 mFOLFOX6 基础上加用贝伐珠单抗" } as QuestionContent;
    expect(statementFor(i, "R0 切除率", "favourable", "low", { estimate: 4.6, ciLower: 1.9, ciUpper: 11 }, t, "zh")).toBe("在 mFOLFOX6 基础上加用贝伐珠单抗或许增加R0 切除率。");
    expect(statementFor(i, "R0 resection rate", "favourable", "low", { estimate: 4.6, ciLower: 1.9, ciUpper: 11 }, t, "en")).toBe("Adding bevacizumab to mFOLFOX6 may increase R0 resection rate.");
  });
  it("turns an OR into risks per 1,000 from the comparator's risk, and an HR into medians under proportional hazards", () => {
    const base = { id: "s/b", value: 49.3, valueText: "49.3", measure: "proportion", studyShortName: "SYSU", locator: "Abstract" } as EffectRecord;
    expect(absoluteEffect("OR", { estimate: 2.96, ciLower: 1.35, ciUpper: 6.48 }, base, { exposure: "RAS-mutant", reference: "RAS wild-type" })?.text).toBe(
      "493 per 1,000 with RAS wild-type; 742 per 1,000 with RAS-mutant: 249 more per 1,000 (75 more to 370 more)",
    );
    const median = { id: "s/m", value: 70.03, valueText: "70.03", measure: "median", unit: "months", studyShortName: "NCCH", locator: "Results" } as EffectRecord;
    expect(absoluteEffect("HR", { estimate: 3.37, ciLower: 1.76, ciUpper: 6.47 }, median, { exposure: "RAS-mutant", reference: "RAS wild-type" })?.text).toBe("Median 70.0 months with RAS wild-type; 20.8 months with RAS-mutant (10.8 to 39.8)");
  });
  it("gives the absolute effect and its assumption in Chinese for locale zh, the study and locator as printed; English unchanged", () => {
    const base = { id: "s/b", value: 49.3, valueText: "49.3", measure: "proportion", studyShortName: "SYSU", locator: "Abstract" } as EffectRecord;
    const words = { exposure: "RAS突变型", reference: "RAS野生型" };
    const or = { estimate: 2.96, ciLower: 1.35, ciUpper: 6.48 };
    expect(absoluteEffect("OR", or, base, words, "zh")).toEqual({
      text: "RAS野生型：每 1000 人 493 例；RAS突变型：每 1000 人 742 例：每 1000 人多 249 例（从多 75 例到多 370 例）",
      assumption: "对照组风险 49.3%（SYSU，Abstract）；对其应用 OR。",
      baselineRecord: "s/b",
    });
    expect(absoluteEffect("OR", { estimate: 0.5, ciLower: 0.3, ciUpper: 1.2 }, base, words, "zh")?.text).toBe("RAS野生型：每 1000 人 493 例；RAS突变型：每 1000 人 327 例：每 1000 人少 166 例（从少 267 例到多 46 例）");
    const median = { id: "s/m", value: 70.03, valueText: "70.03", measure: "median", unit: "months", studyShortName: "NCCH", locator: "Results" } as EffectRecord;
    expect(absoluteEffect("HR", { estimate: 3.37, ciLower: 1.76, ciUpper: 6.47 }, median, words, "zh")).toEqual({
      text: "RAS野生型：中位数 70.0 个月；RAS突变型：20.8 个月（10.8 至 39.8）",
      assumption: "假设比例风险且生存时间服从指数分布：以对照组的中位数（NCCH，Results）除以风险比。",
      baselineRecord: "s/m",
    });
    const certain = { ...base, value: 100, valueText: "100" } as EffectRecord;
    expect(absoluteEffect("OR", or, certain, words, "zh")).toMatchObject({ text: "无法推算：对照组风险为 100%，比值无法改变此风险", assumption: "绝对效应需要介于 0% 与 100% 之间的对照组风险。" });
    expect(absoluteEffect("OR", or, base, words, "en")).toEqual(absoluteEffect("OR", or, base, words));
    for (const r of [absoluteEffect("OR", or, base, words, "zh"), absoluteEffect("HR", or, median, words, "zh")]) expect(`${r?.text} ${r?.assumption}`).not.toMatch(/per 1,000|more|fewer|Median|months|Assumes|Comparator/);
  });
});

describe("the certainty arithmetic in Chinese for locale zh", () => {
  it("says the sum in GRADE's Chinese words; the certainty is the same and English unchanged", () => {
    const lowered = domains({ riskOfBias: { ...notSerious, rating: "serious", levels: 1 }, imprecision: { ...notSerious, rating: "serious", levels: 1 } });
    expect(certaintyOf("high", lowered, [], "zh")).toEqual({ certainty: "low", arithmetic: "高（起始）− 降 2 级 + 升 0 级 = 低" });
    expect(certaintyOf("high", lowered, [], "en")).toEqual(certaintyOf("high", lowered, []));
    expect(certaintyOf("low", domains({ imprecision: { ...notSerious, rating: "extremely serious", levels: 3 } }), [], "zh").arithmetic).toBe("低（起始）− 降 3 级 + 升 0 级 = 极低（已取边界：总和低于“极低”）");
    expect(certaintyOf("high", domains(), [{ reason: "large", levels: 2 }], "zh").arithmetic).toBe("高（起始）− 降 0 级 + 升 2 级 = 高（已取边界：总和高于“高”）");
  });
});
