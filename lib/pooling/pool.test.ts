// Guard rails, tested with records that must be pooled, inverted, refused or set aside.
import { describe, expect, it } from "vitest";
import type { EffectRecord } from "../domain/records";
import { poolRecords, type PoolOptions } from "./pool";
import { pooledRowLabel } from "./row-label";
import { SETTINGS, poolingContext, reasonValues, settingLabel } from "./context";
import { methodsParagraph } from "./methods";
import type { StudyFacts } from "./select";
import { IntlMessageFormat } from "intl-messageformat";
import en from "../../messages/en.json";
import zh from "../../messages/zh.json";

let n = 0;
function hr(study: string, value: number, lo: number, hi: number, over: Partial<EffectRecord> = {}): EffectRecord {
  n++;
  const se = (Math.log(hi) - Math.log(lo)) / (2 * 1.959963984540054);
  return {
    id: `${study}/r${n}`, studyId: study, studyShortName: study.toUpperCase(), recordId: `r${n}`, kind: "contrast", endpoint: "OS", endpointLabel: "Overall survival",
    endpointRole: "time-to-event", measure: "HR", value, valueText: String(value), ciLower: lo, ciLowerText: String(lo), ciUpper: hi, ciUpperText: String(hi), ciLevel: 95,
    rangeLower: null, rangeLowerText: null, rangeUpper: null, rangeUpperText: null, readingReason: null, p: null, test: null, events: null, total: null, unit: null,
    timepoint: null, exposure: "RAS-mutant", reference: "RAS wild-type", exposureGroup: "RAS", referenceGroup: "RAS-wt", group: null, groupKey: null,
    population: "Whole cohort", analysis: "multivariable", covariates: [], treatment: "hepatectomy", referenceTreatment: null, molecularGroups: ["RAS"],
    reportedLevel: "gene-family", comparison: null, locator: `Table ${n}`, alsoAt: [], document: "doc", publication: `${study.toUpperCase()} et al., J 2020`, publicationDoi: null,
    sourceLevel: "primary-full-text", citedAs: null, report: null, statement: null, direction: null, note: null, sameAs: null, computed: false, computeMethod: null,
    derivedFrom: [], logValue: Math.log(value), logSe: se, flags: [], ...over,
  };
}
const studies = new Map<string, StudyFacts>(
  ["a", "b", "c", "d", "e"].map((id, i): [string, StudyFacts] => [id, { id, shortName: id.toUpperCase(), n: 100 + i, design: "retrospective-cohort", year: 2010 + i, reportUpdates: id === "c" ? { final: "abstract", abstract: "citation" } : {} }]),
);
const context = poolingContext({
  treatments: [{ code: "hepatectomy", class: "surgery", parents: [] }, { code: "FOLFOX", class: "systemic-doublet", parents: [] }, { code: "HAI", class: "liver-directed", parents: [] }],
  groups: [{ code: "RAS", parent: null, level: "gene-family" }, { code: "KRAS", parent: "RAS", level: "gene" }, { code: "RAS-wt", parent: null, level: "wild-type" }, { code: "KRAS-wt", parent: null, level: "wild-type" }],
  sourceLevels: ["primary-full-text", "primary-abstract", "conference-report", "news-report", "secondary"],
});
const pool = (records: EffectRecord[], o: Partial<PoolOptions> = {}) => poolRecords(records, studies, { method: "REML", ci: "hksj", analysis: null, comparison: null, by: null, ...o }, context);
const reasonOf = (r: ReturnType<typeof pool>, id: string) => r.excluded.find((x) => x.id === id)?.reason ?? "";

describe("pooling with guard rails", () => {
  it("pools one adjusted estimate per cohort and accounts for every record", () => {
    const recs = [hr("a", 3.37, 1.76, 6.47), hr("b", 2.2, 1.4, 3.44), hr("c", 1.6, 1.1, 2.4)];
    const r = pool(recs);
    expect(r.k).toBe(3);
    expect(r.estimate).toBeGreaterThan(1.5);
    expect([...r.included, ...r.excluded.map((x) => x.id)].sort()).toEqual(recs.map((x) => x.id).sort());
    expect(r.weights.reduce((s, w) => s + w.weight, 0)).toBeCloseTo(100, 8);
    expect(r.leaveOneOut).toHaveLength(3);
  });

  it("does not mix adjusted and unadjusted estimates: the study's multivariable one is used", () => {
    const mv = hr("a", 3.37, 1.76, 6.47);
    const uv = hr("a", 2.9, 1.6, 5.2, { analysis: "univariable" });
    const onlyUv = hr("b", 2.0, 1.1, 3.6, { analysis: "univariable" });
    const r = pool([mv, uv, onlyUv, hr("c", 1.6, 1.1, 2.4)]);
    expect(r.included).toEqual(expect.arrayContaining([mv.id]));
    expect(reasonOf(r, uv.id)).toMatch(/unadjusted.*this study's adjusted/);
    expect(reasonOf(r, onlyUv.id)).toMatch(/not mixed with adjusted.*analysis=univariable/);
    expect(pool([mv, uv, onlyUv], { analysis: "univariable" }).included.sort()).toEqual([uv.id, onlyUv.id].sort());
  });

  it("keeps one estimate per cohort: text and table, the review beside the primary, an abstract beside the later report", () => {
    const table = hr("a", 3.37, 1.76, 6.47);
    const text = hr("a", 3.37, 1.76, 6.47, { locator: "Results" });
    const review = hr("b", 2.2, 1.4, 3.44, { sourceLevel: "secondary", publication: "Peng JH, review 2022" });
    const primary = hr("b", 2.21, 1.4, 3.45, { sourceLevel: "primary-abstract" });
    const abstract = hr("c", 1.6, 1.1, 2.4, { report: "abstract", sourceLevel: "conference-report" });
    const final = hr("c", 1.55, 1.05, 2.3, { report: "final", sourceLevel: "conference-report" });
    const r = pool([table, text, review, primary, abstract, final]);
    expect(r.included.sort()).toEqual([table.id, primary.id, final.id].sort());
    expect(reasonOf(r, text.id)).toMatch(/same cohort: the same estimate printed again/);
    expect(reasonOf(r, review.id)).toMatch(/a secondary copy \(Peng JH, review 2022\); the primary report of the same cohort is used/);
    expect(reasonOf(r, abstract.id)).toMatch(/same cohort: an earlier report/);
  });

  it("inverts a reversed comparison and says so", () => {
    const rev = hr("b", 1 / 2.2, 1 / 3.44, 1 / 1.4, { exposureGroup: "RAS-wt", referenceGroup: "RAS", exposure: "RAS wild-type", reference: "RAS-mutant" });
    const r = pool([hr("a", 3.37, 1.76, 6.47), rev]);
    expect(r.inverted).toEqual([rev.id]);
    expect(r.rows.find((x) => x.id === rev.id)!.estimate).toBeCloseTo(2.2, 10);
  });

  it("answers a RAS question with a KRAS-level estimate, marking it as narrower", () => {
    const kras = hr("b", 2.48, 1.26, 4.89, { exposureGroup: "KRAS", referenceGroup: "KRAS-wt", molecularGroups: ["KRAS"] });
    const r = pool([hr("a", 3.37, 1.76, 6.47), kras], { comparison: { exposure: "RAS", reference: "RAS-wt" } });
    expect(r.k).toBe(2);
    expect(r.rows.find((x) => x.id === kras.id)!.narrower).toBe(true);
    // A KRAS question is not answered by a RAS-level estimate.
    expect(pool([hr("a", 3.37, 1.76, 6.47), kras], { comparison: { exposure: "KRAS", reference: "KRAS-wt" } }).k).toBe(1);
  });

  it("pools within one setting unless subgroups by setting are asked for", () => {
    const hai = hr("c", 1.2, 0.8, 1.8, { treatment: "HAI" });
    const r = pool([hr("a", 3.37, 1.76, 6.47), hr("b", 2.2, 1.4, 3.44), hai]);
    expect(reasonOf(r, hai.id)).toMatch(/a different setting \(liver-directed therapy.*subgroups by setting/);
    const sub = pool([hr("a", 3.37, 1.76, 6.47), hr("b", 2.2, 1.4, 3.44), hai], { by: "setting" });
    expect(sub.k).toBe(3);
    expect(sub.subgroups?.map((g) => g.group).sort()).toEqual(["after liver resection or local treatment", "liver-directed therapy (HAI, SIRT, DEBIRI)"]);
    expect(sub.subgroupTest?.df).toBe(1);
  });

  it("never pools p-only, direction-only, differences, estimates without a CI, or other measures; and lists the p-only and direction findings", () => {
    const pOnly = hr("d", 1, 1, 1, { kind: "p-only", measure: null, value: null, logValue: null, logSe: null, p: "0.03" });
    const direction = hr("e", 1, 1, 1, { kind: "direction", measure: null, value: null, logValue: null, logSe: null, direction: "worse" });
    const noCi = hr("b", 2.0, 1, 1, { ciLower: null, ciUpper: null, logSe: null });
    const or = hr("c", 2.0, 1.2, 3.3, { measure: "OR" });
    const rd = hr("c", 12, 1, 20, { measure: "RD" });
    const r = pool([hr("a", 3.37, 1.76, 6.47), pOnly, direction, noCi, or, rd]);
    expect(reasonOf(r, pOnly.id)).toMatch(/only a p-value/);
    expect(reasonOf(r, direction.id)).toMatch(/only a direction/);
    expect(reasonOf(r, noCi.id)).toMatch(/no confidence interval/);
    expect(reasonOf(r, or.id)).toMatch(/ORs are not pooled with HRs/);
    expect(reasonOf(r, rd.id)).toMatch(/only ratios/);
    expect(r.notPooled.join(" ")).toMatch(/1 further study reports only a direction \(E: worse for RAS-mutant vs RAS wild-type\)/);    expect(r.notPooledZh).toContain("另有 1 项研究仅报告效应方向（E：worse（RAS-mutant 对比 RAS wild-type））。");
  });

  it("refuses with fewer than two usable estimates, saying why", () => {
    expect(pool([hr("a", 3.37, 1.76, 6.47)])).toMatchObject({ k: 1, estimate: null, refused: expect.stringMatching(/Only one usable estimate/) });
    expect(pool([])).toMatchObject({ k: 0, estimate: null, refused: expect.stringMatching(/No estimate can be pooled/) });
  });

  it("writes a methods paragraph that names model, estimator, interval, k, participants and what was set aside", () => {
    const r = pool([hr("a", 3.37, 1.76, 6.47), hr("b", 2.2, 1.4, 3.44), hr("b", 2.9, 1.6, 5.2, { analysis: "univariable" })]);
    const text = methodsParagraph(r, { datasetVersion: "abc", endpointLabel: "Overall survival", exposureLabel: "RAS-mutant", referenceLabel: "RAS wild-type" });
    expect(text).toMatch(/^2 hazard ratios for overall survival \(RAS-mutant vs RAS wild-type; setting: after liver resection or local treatment; multivariable estimates; 201 participants\)/);
    expect(text).toContain("restricted maximum-likelihood");
    expect(text).toContain("Hartung–Knapp–Sidik–Jonkman");
    expect(text).toContain("dataset version abc");
    expect(text).toMatch(/Records set aside: 1 an unadjusted/);
  });

  it("writes the methods paragraph in Chinese with the same figures, English unchanged without a locale", () => {
    const r = pool([hr("a", 3.37, 1.76, 6.47), hr("b", 2.2, 1.4, 3.44), hr("b", 2.9, 1.6, 5.2, { analysis: "univariable" })]);
    const base = { datasetVersion: "abc", endpointLabel: "总生存期", exposureLabel: "RAS 突变", referenceLabel: "RAS 野生型" };
    const zhText = methodsParagraph(r, { ...base, locale: "zh", reasonOf: (e) => new IntlMessageFormat(zh.pool.reasons[e.code], "zh").format(e.values ?? {}) as string });
    expect(zhText).toMatch(/^在对数尺度上以逆方差加权合并了 2 个风险比（总生存期；RAS 突变 对比 RAS 野生型；临床情境：.+；校正（多因素）估计值；201 名受试者），采用随机效应模型，以限制性最大似然（REML）法/);
    expect(zhText).toContain(`合并 HR ${r.estimate!.toFixed(2)}（95% CI ${r.ciLower!.toFixed(2)}–${r.ciUpper!.toFixed(2)}）`);
    expect(zhText).toMatch(/排除的记录：1 条未校正（单因素）估计值。$/);
    expect(zhText).toContain("数据集版本 abc");
    expect(methodsParagraph(r, { ...base, locale: "en" })).toBe(methodsParagraph(r, base));
  });

  it("gives every reason a record is set aside as a message: the English message is the reason word for word, the Chinese one is Chinese", () => {
    const uvBeside = hr("a", 2.9, 1.6, 5.2, { analysis: "univariable" });
    const records = [
      hr("a", 3.37, 1.76, 6.47), uvBeside, hr("a", 3.37, 1.76, 6.47, { locator: "Results" }), hr("e", 2.0, 1.1, 3.6, { analysis: "univariable" }),
      hr("b", 2.2, 1.4, 3.44), hr("b", 2.2, 1.4, 3.44, { sourceLevel: "secondary", publication: "Peng JH, review 2022" }),
      hr("c", 1.6, 1.1, 2.4, { report: "abstract", sourceLevel: "conference-report" }), hr("c", 1.55, 1.05, 2.3, { report: "final", sourceLevel: "conference-report" }),
      hr("c", 1.2, 0.8, 1.8, { treatment: "HAI" }), hr("d", 1, 1, 1, { kind: "p-only", measure: null, value: null, logValue: null, logSe: null, p: "0.03" }),
      hr("e", 1, 1, 1, { kind: "direction", measure: null, value: null, logValue: null, logSe: null, direction: "worse" }), hr("d", 2.0, 1, 1, { ciLower: null, ciUpper: null, logSe: null }),
      hr("d", 2.0, 1.2, 3.3, { measure: "OR" }), hr("d", 12, 1, 20, { measure: "RD" }), hr("e", 2, 1, 3, { kind: "arm" }), hr("e", 2, 1, 3, { endpoint: "PFS", endpointLabel: "Progression-free survival" }),
      hr("e", 2, 1, 3, { exposureGroup: "RAS-wt", referenceGroup: "KRAS-wt", exposure: "RAS wild-type", reference: "KRAS wild-type" }),
    ];
    const r = pool(records, { comparison: { exposure: "RAS", reference: "RAS-wt" } });
    const codes = new Set(r.excluded.map((e) => e.code));
    expect([...codes].sort()).toEqual(
      ["analysisNotMixed", "analysisUsed", "armLevel", "directionOnly", "earlier", "noCi", "notRatio", "otherComparison", "otherEndpoint", "otherMeasure", "otherSetting", "pOnly", "reprinted", "secondary"].sort(),
    );
    const message = (bundle: typeof en, e: (typeof r.excluded)[number]) =>
      new IntlMessageFormat((bundle.pool.reasons as Record<string, string>)[e.code]!, bundle === en ? "en" : "zh").format(e.values ?? {}) as string;
    for (const e of r.excluded) expect(message(en, e)).toBe(e.reason.replace(/ \[[^\]]+\]$/, ""));
    expect(message(zh, r.excluded.find((e) => e.code === "analysisUsed")!)).toBe("未校正（单因素）估计值；采用该研究的校正（多因素）估计值");
    expect(message(zh, r.excluded.find((e) => e.code === "otherEndpoint")!)).toBe("不同的终点（Progression-free survival）");
  });

  it("labels inverted and narrower rows in Chinese; the English label is unchanged", () => {
    const narrower = hr("b", 2.2, 1.4, 3.44, { exposureGroup: "KRAS", referenceGroup: "RAS-wt", molecularGroups: ["KRAS"] });
    const reverse = hr("c", 0.5, 0.3, 0.8, { exposureGroup: "RAS-wt", referenceGroup: "RAS", exposure: "RAS wild-type", reference: "RAS-mutant" });
    const r = pool([hr("a", 3.37, 1.76, 6.47), narrower, reverse], { comparison: { exposure: "RAS", reference: "RAS-wt" } });
    const row = (id: string) => r.rows.find((x) => x.id === id)!;
    expect(row(narrower.id).label).toBe("B (as KRAS vs RAS-wt)");
    expect(row(reverse.id).label).toBe("C (inverted)");
    expect(pooledRowLabel(row(narrower.id))).toBe(row(narrower.id).label);
    expect(pooledRowLabel(row(narrower.id), "zh")).toBe("B（按 KRAS 对 RAS-wt）");
    expect(pooledRowLabel(row(reverse.id), "zh")).toBe("C（反向）");
    expect(pooledRowLabel({ study: "D", inverted: true, reportedAs: { exposure: "KRAS-wt", reference: "KRAS" } }, "zh")).toBe("D（按 KRAS-wt 对 KRAS）（反向）");
  });

  it("names the settings in Chinese for display, the English settings kept as the identities", () => {
    expect(settingLabel(SETTINGS.local, "zh")).toBe("肝切除或局部治疗后");
    expect(settingLabel(SETTINGS.liverDirected, "zh")).toBe("肝脏定向治疗（HAI、SIRT、DEBIRI）");
    expect(settingLabel(SETTINGS.systemic, "zh")).toBe("全身治疗");
    expect(settingLabel(SETTINGS.notStated, "zh")).toBe("临床情境未说明");
    for (const s of Object.values(SETTINGS)) expect(settingLabel(s)).toBe(s);
    const r = pool([hr("a", 3.37, 1.76, 6.47), hr("b", 2.2, 1.4, 3.44), hr("c", 1.2, 0.8, 1.8, { treatment: "HAI" })]);
    expect(r.setting).toBe(SETTINGS.local);
    const set = r.excluded.find((e) => e.code === "otherSetting")!;
    const zhReason = new IntlMessageFormat(zh.pool.reasons.otherSetting, "zh").format(reasonValues(set, "zh")) as string;
    expect(zhReason).toBe("不同的临床情境（肝脏定向治疗（HAI、SIRT、DEBIRI），而非 肝切除或局部治疗后）：除非要求按情境分亚组，否则只在同一情境内合并");
    expect(new IntlMessageFormat(en.pool.reasons.otherSetting, "en").format(reasonValues(set, "en"))).toBe(set.reason);
    expect(reasonValues({ code: "notRatio", values: { measure: "RD" } }, "zh")).toEqual({ measure: "差值" });
    expect(reasonValues({ code: "lessDirect", values: { level: "news-report", kept: "X" } }, "zh", (l) => (l === "news-report" ? "新闻报道" : l))).toEqual({ level: "新闻报道", kept: "X" });
    expect(reasonValues({ code: "lessDirect", values: { level: "news-report" } }, "en", () => "新闻报道")).toEqual({ level: "news-report" });
  });

  it("gives each refusal as a message key: the English message is the refusal word for word", () => {
    const none = pool([]);
    const one = pool([hr("a", 3.37, 1.76, 6.47)]);
    expect(none.refusal).toEqual({ code: "none" });
    expect(one.refusal).toEqual({ code: "one" });
    expect(pool([hr("a", 3.37, 1.76, 6.47), hr("b", 2.2, 1.4, 3.44)]).refusal).toBeNull();
    for (const r of [none, one]) {
      expect(new IntlMessageFormat(en.pool.refusal[r.refusal!.code], "en").format()).toBe(r.refused);
      expect(new IntlMessageFormat(zh.pool.refusal[r.refusal!.code], "zh").format()).toMatch(/^[^A-Za-z]+$/);
    }
    // The record limit's refusal (lib/data/pool-effects.ts): the figures as printed, no thousands separator.
    const values = { matching: "5001", limit: "5000" };
    expect(new IntlMessageFormat(en.pool.refusal.recordLimit, "en").format(values)).toBe(
      "5001 records match these filters, more than the 5000 one pooled view reads: choose an endpoint, a measure and a comparison (or fewer studies) to pool.",
    );
    expect(new IntlMessageFormat(zh.pool.refusal.recordLimit, "zh").format(values)).toBe(
      "有 5001 条记录符合这些筛选条件，超过单个合并视图可读取的 5000 条：请选择一个终点、一个效应指标和一个比较（或减少研究），再进行合并。",
    );
  });
});
