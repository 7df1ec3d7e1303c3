import { describe, expect, it } from "vitest";
import type { DomainJudgement } from "@/lib/grade/certainty";
import { footnoteMark, sofFootnotes } from "./footnotes";

const ok: DomainJudgement = { rating: "not serious", levels: 0, reason: "Fine.", numbers: {} };
const na: DomainJudgement = { rating: "not applicable", levels: 0, reason: "A single study.", numbers: { k: 1 } };
const row = (outcome: string, over: Partial<Record<"riskOfBias" | "inconsistency" | "indirectness" | "imprecision" | "publicationBias", DomainJudgement>>, upgrades: { reason: string; levels: number }[] = []) => ({
  outcome,
  outcomeLabel: outcome.toUpperCase(),
  domains: { riskOfBias: ok, inconsistency: na, indirectness: ok, imprecision: ok, publicationBias: na, ...over, upgrades },
  effect: { kind: "single" as const, text: "", estimate: 2, ciLower: 1, ciUpper: 4, piLower: null, piUpper: null, setAside: [] },
});

describe("footnotes of a Summary of Findings", () => {
  it("letters run a … z, then aa, ab", () => {
    expect([0, 1, 25, 26, 27, 51, 52].map(footnoteMark)).toEqual(["a", "b", "z", "aa", "ab", "az", "ba"]);
  });

  it("a letter for each domain that lowered certainty, continuing across rows; none for 'not applicable'", () => {
    const notes = sofFootnotes([
      row("ep", { riskOfBias: { rating: "serious", levels: 1, reason: "High risk.", numbers: {} }, imprecision: { rating: "serious", levels: 1, reason: "Few patients.", numbers: {} } }),
      row("os", {}, [{ reason: "Large effect.", levels: 1 }]),
    ]);
    expect(notes[0]!.notes.map((n) => [n.mark, n.name, n.rating])).toEqual([
      ["a", "Risk of bias", "Serious (−1)"],
      ["b", "Imprecision", "Serious (−1)"],
    ]);
    expect(notes[1]!.notes.map((n) => [n.mark, n.name, n.rating, n.reason])).toEqual([["c", "Rated up", "+1", "Large effect."]]);
  });

  it("names the domains and ratings in GRADE's Chinese wording for locale zh", () => {
    const rows = [row("ep", { riskOfBias: { rating: "serious", levels: 1, reason: "High risk.", numbers: {} } }, [{ reason: "Large effect.", levels: 1 }])];
    expect(sofFootnotes(rows, "zh")[0]!.notes.map((n) => [n.mark, n.name, n.rating])).toEqual([
      ["a", "偏倚风险", "严重（−1）"],
      ["b", "升级", "+1"],
    ]);
    expect(sofFootnotes(rows, "en")).toEqual(sofFootnotes(rows));
  });

  it("an override gets a note even where it lowers nothing, with the computed rating beside it", () => {
    const [r] = sofFootnotes([
      row("ep", { indirectness: { rating: "not serious", levels: 0, reason: "Curator: same population.", numbers: {}, override: { reason: "Curator: same population.", computed: { rating: "serious", levels: 1, reason: "Secondary report." } } } }),
    ]);
    expect(r!.notes).toHaveLength(1);
    expect(r!.notes[0]!.override).toEqual({ reason: "Curator: same population.", computed: "Serious (−1): Secondary report." });
  });

  it("frames an override in Chinese for locale zh: the computed rating in Chinese, the curator's reason as written", () => {
    const [r] = sofFootnotes(
      [row("ep", { indirectness: { rating: "not serious", levels: 0, reason: "Curator: same population.", numbers: {}, override: { reason: "Curator: same population.", computed: { rating: "serious", levels: 1, reason: "仅见于二手报告。" } } } })],
      "zh",
    );
    expect(r!.notes[0]).toMatchObject({ name: "间接性", rating: "不严重（0）", override: { reason: "Curator: same population.", computed: "严重（−1）：仅见于二手报告。" } });
  });
});
