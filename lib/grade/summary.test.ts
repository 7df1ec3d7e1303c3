// Every question's Summary of Findings, built from the curated records.
import { describe, expect, it } from "vitest";
import { summariesFromContent } from "./from-content";

const summaries = summariesFromContent();
const row = (question: string, outcome: string) => summaries.find((s) => s.question.id === question)!.rows.find((r) => r.outcome === outcome)!;

describe("Summary of Findings from the records", () => {
  it("builds a table for every question, every domain with a reason and its numbers", () => {
    expect(summaries.map((s) => s.question.id).sort()).toEqual(["ablation-kras", "bevacizumab-doublet-ras", "codon-12-13", "kras-hai", "ras-hepatectomy", "ras-unresectable", "triplet-doublet"]);
    for (const s of summaries)
      for (const r of s.rows) {
        for (const d of ["riskOfBias", "inconsistency", "indirectness", "imprecision", "publicationBias"] as const) {
          expect(r.domains[d].reason.length, `${s.question.id}/${r.outcome}/${d}`).toBeGreaterThan(10);
          expect(r.domains[d].numbers).toBeTypeOf("object");
        }
        expect(r.certaintyArithmetic).toMatch(/^(high|low) \(start\) − \d+ levels? down \+ \d+ up = /);
        expect(r.statement).toMatch(/\.$/);
      }
  });

  it("RAS and early progression: the SYSU adjusted OR, its absolute effect from the wild-type rate, low certainty", () => {
    const r = row("ras-unresectable", "early-progression");
    expect(r.effect).toMatchObject({ kind: "single", estimate: expect.closeTo(2.96, 2) });
    expect(r.absolute?.text).toContain("493 per 1,000 with RAS wild-type");
    expect(r.certainty).toBe("low");
    expect(r.domains.inconsistency.rating).toBe("not applicable");
    expect(r.statement).toBe("RAS mutation may be associated with a higher risk of early progression (≤ 6 months).");
  });

  it("triplet vs doublet: PFS pooled from TRIBE and CAIRO5, indirect (not RAS-selected)", () => {
    const r = row("triplet-doublet", "PFS");
    expect(r.effect.kind).toBe("pooled");
    expect(r.studies).toBe(2);
    expect(r.domains.indirectness.levels).toBeGreaterThanOrEqual(1);
    expect(r.domains.indirectness.reason).toContain("not selected by RAS status");
  });

  it("codon 12 vs 13 shows how thin the evidence is: no effect size, very low certainty", () => {
    const r = row("codon-12-13", "OS");
    expect(r.effect.kind).toBe("none");
    expect(r.effect.text).toMatch(/only .*p-value/);
    expect(r.certainty).toBe("very low");
  });

  it("builds every row's text in Chinese for locale zh: the same figures and certainty, no English framing left", () => {
    const zh = summariesFromContent(undefined, "zh");
    // Words the English rows frame their figures with; study names, locators and measures (HR, OR) may stay.
    const english = /per 1,000|\bmore\b|\bfewer\b|Median|months|Assumes|Comparator|\(start\)|levels? down|studies pooled|nothing to pool|No ratio|No study|p-value|direction|Not derivable|prediction interval/;
    for (const s of zh)
      for (const r of s.rows) {
        const en = summaries.find((x) => x.question.id === s.question.id)!.rows.find((x) => x.outcome === r.outcome)!;
        expect(r.certainty, `${s.question.id}/${r.outcome}`).toBe(en.certainty);
        expect(r.effect.estimate).toBe(en.effect.estimate);
        const framing = r.absolute ? `${r.absolute.text} ${r.absolute.assumption}` : "";
        expect(`${r.effect.text} ${framing} ${r.certaintyArithmetic}`, `${s.question.id}/${r.outcome}`).not.toMatch(english);
        expect(r.certaintyArithmetic).toMatch(/^(高|低)（起始）− 降 \d+ 级 \+ 升 \d+ 级 = (高|中|低|极低)/);
      }
    const zhRow = (question: string, outcome: string) => zh.find((s) => s.question.id === question)!.rows.find((r) => r.outcome === outcome)!;
    const early = zhRow("ras-unresectable", "early-progression");
    expect(early.absolute?.text).toMatch(/^RAS野生型：每 1000 人 493 例；.+：每 1000 人多 \d+ 例（从多 \d+ 例到多 \d+ 例）$/);
    expect(early.effect.text).toMatch(/^OR 2\.96（95% CI [\d.]+ 至 [\d.]+）；仅一项研究（SYSU early progression），无需合并$/);
    const os = zhRow("ras-hepatectomy", "OS");
    expect(os.absolute?.text).toMatch(/^RAS野生型：中位数 70\.0 个月；.+：20\.8 个月（10\.8 至 39\.8）$/);
    expect(os.absolute?.assumption).toBe("假设比例风险且生存时间服从指数分布：以对照组的中位数（NCCH 2024，Results, paragraph 'Prognosis', paragraph 2）除以风险比。");
    expect(zhRow("codon-12-13", "OS").effect.text).toMatch(/^无可显示的比值：\d+ 项研究仅报告.*P 值或效应方向（.+）$/);
    expect(zhRow("triplet-doublet", "PFS").effect.text).toMatch(/；合并 2 项研究（REML，HKSJ）/);
  });
});
