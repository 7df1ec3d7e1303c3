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
});
