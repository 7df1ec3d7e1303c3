import { describe, expect, it } from "vitest";
import path from "node:path";
import { loadContent } from "../content/load";
import { buildDataset } from "./dataset";

const r = loadContent(path.join(process.cwd(), "content"));
if (!r.ok) throw new Error("content must load");
const d = buildDataset(r.content);
const byId = new Map(d.effects.map((e) => [e.id, e]));

describe("computed contrasts", () => {
  it("computes OR, RR and RD for BECOME's R0 resection 27/121 vs 7/120, marked computed and never replacing a printed figure", () => {
    const or = byId.get("become/r0-p~or");
    expect(or).toMatchObject({ computed: true, measure: "OR", valueText: "4.64", ciLowerText: "1.93", ciUpperText: "11.1" });
    expect(or?.derivedFrom.length).toBe(2);
    expect(or?.computeMethod).toContain("Woolf");
    expect(d.effects.filter((e) => !e.computed).every((e) => !e.id.includes("~"))).toBe(true);
  });
  it("states the zero-cell correction (Spectrum ORR 7/11 vs 13/13)", () => {
    const or = d.effects.find((e) => e.computed && e.studyId === "spectrum-hai-2022" && e.endpoint === "ORR" && e.measure === "OR");
    expect(or?.computeMethod).toContain("0.5 added to every cell");
  });
  it("reconstructs counts from % and n only where one count fits, and says so (SYSU 66.7% of 51 = 34)", () => {
    const or = d.effects.find((e) => e.computed && e.studyId === "sysu-early-progression" && e.endpoint === "early-progression" && e.measure === "OR" && e.population.startsWith("Whole"));
    expect(or?.statement).toBe("34/51 vs 70/142 (counts reconstructed from % and n)");
    // The univariable OR the paper prints is 2.057: the reconstruction agrees.
    expect(or?.valueText).toBe("2.06");
  });
});
