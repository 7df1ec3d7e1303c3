// A flag's texts in both languages (lib/checks/flag-text.ts). The English must not change when the
// checks' words move into messages: fixtures/flags-en.txt holds every flag of the curated content and
// fixtures/every-code-en.txt flags of every check code, both written by the checks as they were before
// (English template strings in the code); after a deliberate change to the English words or to the
// content, rewrite them with `npx vitest run -u lib/checks/flag-text.test.ts` and read the diff.
// The Chinese: one flag of every code rendered as a /zh page shows it.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { buildDataset } from "../build/dataset";
import { loadContent } from "../content/load";
import en from "../../messages/en.json";
import { renderFlagText, phrase } from "./flag-text";
import type { CheckFlag } from "./types";
import { recordFactory } from "./test-records";
import { checkPercent } from "./percent";
import { checkEstimateInsideCi, checkLogSymmetry } from "./ci";
import { checkPAgainstCi } from "./p-value";
import { checkDuplicates } from "./duplicates";
import { checkGroupSums } from "./groups";
import { checkPlausibility } from "./plausibility";
import { checkDirection } from "./direction";

/** One or more flags of every check code, on records shaped like the curated ones. */
function flagsOfEveryCode(): CheckFlag[] {
  const { effect, ratio, prop } = recordFactory(
    { exposure: "RAS-mutant", reference: "RAS wild-type", publication: "Ito S et al., World J Surg Oncol 2024" },
    { endpoint: "ORR", endpointLabel: "Objective response rate", endpointRole: "favourable", group: "RAS-mutant", groupKey: "ras-mt" },
  );
  const orAbstract = ratio("0.92", "0.70", "1.20", "0.52", { studyId: "cairo5", report: "lba27", publication: "CAIRO5, ESMO 2023 congress abstract LBA27", locator: "ESMO 2023 abstract LBA27" });
  const orFinal = ratio("0.90", "0.70", "1.17", ".44", { studyId: "cairo5", report: "final", sameAs: orAbstract.id, updatesChain: ["lba27", "citation"], publication: "Bond MJG et al., JAMA Oncol 2024", locator: "Results" });
  const primary = prop("82.3", null, null, { endpoint: "DCR", endpointLabel: "Disease control rate", group: "Sotorasib 960 mg daily", groupKey: "soto", document: "news", publication: "CodeBreaK100, Cancer Discov 2022", locator: "News in Brief" });
  const secondary = prop("51", null, null, { endpoint: "DCR", endpointLabel: "Disease control rate", group: "Sotorasib 960 mg daily", groupKey: "soto", document: "review", sourceLevel: "secondary", citedAs: "[18]", sameAs: primary.id, publication: "Peng JH, Liangyihui online 2022", locator: "Review" });
  const arms = [
    prop("69", null, null, { comparison: "c", group: "FOLFOXIRI + bevacizumab", groupKey: "folfoxiri-bev", locator: "Review" }),
    prop("57", null, null, { comparison: "c", group: "FOLFOX + bevacizumab", groupKey: "folfox-bev", locator: "Review" }),
  ];
  const or = ratio("0.61", "0.38", "0.97", "0.0381", { measure: "OR", endpoint: "ORR", endpointLabel: "Objective response rate", endpointRole: "favourable", comparison: "c", exposure: "FOLFOXIRI + bevacizumab", reference: "FOLFOX + bevacizumab", locator: "Review" });
  return [
    ...checkPercent([prop("26.0", 51, 193, { locator: "Abstract" }), prop("56.7", 42, 74, { locator: "Table 2" }), prop("83.8", null, 73, { locator: "Results, paragraph 2" })]),
    ...checkEstimateInsideCi([ratio("8.9", "1.31", "4.70", null, { locator: "Table 2, multivariate column" }), ratio("0.97", "1.49", "0.94", null, { locator: "Discussion" })]),
    ...checkLogSymmetry([ratio("2.017", "1.015", "4.229", "0.045", { measure: "OR", endpoint: "early-progression", endpointLabel: "Early progression (≤ 6 months)", locator: "Table 3" })]),
    ...checkPAgainstCi([ratio("1.50", "0.80", "2.81", "0.01", { locator: "Results" }), ratio("2.20", "1.40", "3.44", "0.03", { locator: "Abstract" })]),
    ...checkDuplicates([
      prop("55.4", 107, 193, { endpoint: "early-progression", endpointLabel: "Early progression (≤ 6 months)", locator: "Abstract", group: "Whole cohort", groupKey: "all" }),
      prop("53.9", 104, 193, { endpoint: "early-progression", endpointLabel: "Early progression (≤ 6 months)", locator: "Results", group: "Whole cohort", groupKey: "all", consistentPrinting: "The group counts, 34 + 70, add up to 104." }),
    ]),
    ...checkDuplicates([ratio("2.48", "1.31", "4.70", null, { locator: "Results" }), ratio("2.84", "1.31", "4.70", null, { locator: "Table 2" })]),
    ...checkDuplicates([primary, secondary]),
    ...checkDuplicates([orAbstract, orFinal]),
    ...checkGroupSums([{ studyId: "s", label: "RAS status", total: 150, locator: "Results", arms: [{ id: "mt", label: "RAS-mt", n: 63 }, { id: "wt", label: "RAS-wt", n: 86 }] }]),
    ...checkPlausibility([
      effect({ kind: "arm", measure: "median", unit: "months", valueText: "5740", value: 57.4, group: "Male", groupKey: "male", locator: "Table 2", readingReason: "Decimal point lost in this copy of the table.", read: { valueText: "57.40" } }),
      effect({ kind: "arm", measure: "median", unit: "months", valueText: "4403", value: 4403, group: "RAS-mutant", groupKey: "ras-mt", locator: "Table 3" }),
    ]),
    ...checkDirection([...arms, or]),
  ];
}

type Flag = Pick<CheckFlag, "code" | "effectId" | "studyId" | "summary" | "message" | "expected">;
const english = (flags: Flag[]) => flags.map((f) => [`[${f.code}] ${f.effectId ?? f.studyId}`, f.summary, `detail: ${f.message}`, `consistent: ${f.expected}`].join("\n")).join("\n\n") + "\n";

const endpointsZh = Object.fromEntries(
  (parse(readFileSync(path.join(process.cwd(), "content", "vocab", "endpoints.yaml"), "utf8")) as { code: string; labelZh?: string }[]).flatMap((e) => (e.labelZh ? [[e.code, e.labelZh]] : [])),
);
const chinese = (f: CheckFlag) => ({
  summary: renderFlagText(f.text.summary, "zh", endpointsZh),
  message: renderFlagText(f.text.message, "zh", endpointsZh),
  expected: f.text.expected === null ? null : renderFlagText(f.text.expected, "zh", endpointsZh),
});

describe("the English of the flags is unchanged", () => {
  it("every flag of the curated content", async () => {
    const loaded = loadContent();
    if (!loaded.ok) throw new Error("content does not load");
    await expect(english(buildDataset(loaded.content).checkFlags)).toMatchFileSnapshot("fixtures/flags-en.txt");
  });
  it("flags of every check code", async () => {
    await expect(english(flagsOfEveryCode())).toMatchFileSnapshot("fixtures/every-code-en.txt");
  });
});

describe("the flags in Chinese", () => {
  const flags = flagsOfEveryCode();

  it("cover all eleven check codes", () => {
    expect(new Set(flags.map((f) => f.code)).size).toBe(11);
  });
  it("are Chinese sentences with no English template words left, the printed pieces as printed", () => {
    for (const f of flags) {
      const zh = chinese(f);
      for (const text of [zh.summary, zh.message]) {
        expect(text).toMatch(/[\u4e00-\u9fff]/);
        expect(text).not.toMatch(/\b(prints|printed|gives|Also|Updated|Updates|whose|outside|implies|the paper|would be|Same quantity|Secondary vs primary)\b/);
        expect(text).not.toContain("\u0001");
      }
    }
  });
  // One flag of every code as a /zh page shows it: the first of its code above. The curators' explanations stay as written.
  const CHINESE: [CheckFlag["code"], Partial<ReturnType<typeof chinese>>][] = [
    ["percent-mismatch", { summary: "摘要中客观缓解率（RAS-mutant）印作 26.0%（51/193），但 51/193 实为 26.4%。", message: "原文印作的 26.0% 不可能由 51/193 = 26.42% 得出。", expected: "26.4% (51/193)" }],
    ["estimate-outside-ci", { summary: "Table 2 中总生存期（RAS-mutant 对比 RAS wild-type）印作 HR 8.9，落在其自身的置信区间 1.31–4.70 之外。" }],
    ["ci-asymmetric", { summary: "Table 3 中早期进展（≤6个月）（RAS-mutant 对比 RAS wild-type）印作 OR 2.017（1.015–4.229）；在对数尺度上，该区间并不以估计值为中心，但偏离轻微：可能采用了不同的置信区间计算方法，或某一界值印刷有误。", expected: "估计值 2.072；或上限 4.008（与原文印出的 p 0.045 一致）" }],
    ["p-ci-mismatch", { summary: "结果部分中总生存期（RAS-mutant 对比 RAS wild-type）印作 p 0.01，但其置信区间 0.80–2.81 包含 1：两者对结果是否具有统计学意义的判断相互矛盾。" }],
    ["duplicate-mismatch", { summary: "就早期进展（≤6个月）（Whole cohort）而言，摘要给出 107/193 (55.4%)；结果部分给出 104/193 (53.9%)。The group counts, 34 + 70, add up to 104. 此处的印刷有误。" }],
    ["secondary-mismatch", { summary: "Peng JH, Liangyihui online 2022（引用为 [18]）给出疾病控制率（Sotorasib 960 mg daily）为 51%；原始报告（CodeBreaK100, Cancer Discov 2022）给出的是 82.3%。", message: "二次文献对比原始报告：数值 51 对比 82.3。" }],
    ["report-update", { summary: "已在 Bond MJG et al., JAMA Oncol 2024 中更新：HR 0.90 (0.70–1.17), p .44（原为 HR 0.92 (0.70–1.20), p 0.52）。", message: "报告已更新：数值 0.92 对比 0.90；置信区间上限 1.20 对比 1.17；p 值 0.52 对比 .44（较早对比较新）。" }],
    ["groups-sum", { summary: "按 RAS status 划分的各组人数（RAS-mt 63 + RAS-wt 86）合计为 149，但原文给出的总数为 150。", message: "RAS status：RAS-mt 63 + RAS-wt 86 = 149，而非总数 150。", expected: "各组合计应为 150（差值 -1）" }],
    ["damaged-print", { summary: "此副本的 Table 2 中，总生存期（Male）的数值印作 5740（读作 57.40），按原样不可能正确。本数据库中的所有计算均采用该解读值。" }],
    ["implausible-value", { summary: "Table 3 中总生存期（RAS-mutant）的中位数为 4403 个月（超过 20 年），这不可能正确；很可能是漏印了小数点（44.03）。该记录需要补充解读值。" }],
    ["direction-mismatch", { summary: "综述中 FOLFOXIRI + bevacizumab 对比 FOLFOX + bevacizumab 印作 OR 0.61，但各组数值（69% 对比 57%）指向相反的方向：比较方向很可能印反了（其倒数为 1.64）。" }],
  ];
  it.each(CHINESE)("%s", (code, expected) => {
    expect(chinese(flags.find((f) => f.code === code)!)).toMatchObject(expected);
  });
});

describe("renderFlagText", () => {
  it("renders every template of flags.text in both languages", () => {
    const keys: string[] = [];
    const walk = (tree: object, prefix: string) => {
      for (const [k, v] of Object.entries(tree)) typeof v === "string" ? keys.push(prefix + k) : walk(v as object, `${prefix}${k}.`);
    };
    walk(en.flags.text, "");
    expect(keys.length).toBeGreaterThan(80);
    for (const key of keys) {
      const template = key.split(".").reduce<unknown>((t, k) => (t as Record<string, unknown>)[k], en.flags.text) as string;
      const args = Object.fromEntries([...template.matchAll(/\{(\w+)\}/g)].map((m) => [m[1]!, "X"]));
      for (const locale of ["en", "zh"] as const) expect(renderFlagText(phrase(key, args), locale), `${locale} ${key}`).not.toMatch(/[{}]/);
    }
  });
  it("spaces Chinese from a printed piece only at the piece's edges, never inside it", () => {
    const text = phrase("percent.wrong", { place: "Table 2", value: "26.0", events: "51", total: "193", subject: "肝脏RAS", exact: "26.4" });
    expect(renderFlagText(text, "zh")).toBe("Table 2 中肝脏RAS 印作 26.0%（51/193），但 51/193 实为 26.4%。");
  });
  it("names an endpoint by its vocabulary label: lower-cased mid-sentence in English, labelZh in Chinese, the English where none is given", () => {
    const endpoint = { endpoint: "OS", label: "Overall survival" };
    expect(renderFlagText(endpoint, "en")).toBe("overall survival");
    expect(renderFlagText(endpoint, "zh", { OS: "总生存期" })).toBe("总生存期");
    expect(renderFlagText(endpoint, "zh")).toBe("Overall survival");
  });
});
