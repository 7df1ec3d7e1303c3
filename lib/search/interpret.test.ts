import { describe, expect, it } from "vitest";
import path from "node:path";
import { loadContent } from "../content/load";
import { createInterpreter } from "./interpret";

const content = loadContent(path.join(process.cwd(), "content"));
if (!content.ok) throw new Error("content must load for the search tests");
const { vocab, studies } = content.content;
const { interpret, suggest } = createInterpreter({
  endpoints: vocab.endpoints,
  treatments: vocab.treatments,
  groups: vocab.molecularGroups,
  studies: studies.map((s) => ({ id: s.id, shortName: s.shortName, authors: s.citation.authors, year: s.citation.year })),
});

describe("interpret", () => {
  it.each([
    ["G12D", "KRAS-G12D"],
    ["p.Gly12Asp", "KRAS-G12D"],
    ["c.35G>A", "KRAS-G12D"],
    ["KRAS G12C", "KRAS-G12C"],
    ["c.436G>A", "KRAS-A146T"],
  ])("reads the allele spelling %s as %s", (q, code) => {
    expect(interpret(q).filters.group).toEqual([code]);
  });

  it("reads 'codon 13' as both genes' codon 13", () => {
    expect(interpret("codon 13").filters.group.sort()).toEqual(["KRAS-codon-13", "NRAS-codon-13"]);
  });

  it("reads a clinical question into endpoint, treatment and group", () => {
    const r = interpret("OS after hepatectomy RAS");
    expect(r.filters.endpoint).toEqual(["OS"]);
    expect(r.filters.treatment).toEqual(["hepatectomy"]);
    expect(r.filters.group).toEqual(["RAS"]);
  });

  it.each([
    ["SCP", "endpoint", "SCP"],
    ["HAI", "treatment", "HAI"],
    ["FUDR", "treatment", "HAI-FUDR"],
    ["R0", "endpoint", "r0-resection"],
    ["secondary resectability", "endpoint", "conversion"],
    ["转化治疗", "endpoint", "conversion"],
    ["贝伐单抗", "treatment", "bevacizumab"],
    ["肝动脉灌注", "treatment", "HAI"],
    ["早期进展", "endpoint", "early-progression"],
    ["总生存", "endpoint", "OS"],
    ["BECOME", "study", "become"],
    ["Kolbeinsson", "study", "spectrum-hai-2022"],
  ] as const)("understands %s", (q, kind, code) => {
    expect(interpret(q).filters[kind]).toContain(code);
  });

  it("tolerates typos", () => {
    expect(interpret("bevacizumb").filters.treatment).toContain("bevacizumab");
    expect(interpret("hepatectmy").filters.treatment).toContain("hepatectomy");
  });

  it("keeps unknown words as free text", () => {
    expect(interpret("zebrafish").freeText).toEqual(["zebrafish"]);
  });

  it("suggests terms as the user types, saying what matched", () => {
    const s = suggest("G12");
    expect(s.some((m) => m.code === "KRAS-G12D")).toBe(true);
    expect(s.every((m) => m.matched.length > 0)).toBe(true);
  });
});
