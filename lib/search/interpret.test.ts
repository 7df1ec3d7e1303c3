import { describe, expect, it } from "vitest";
import path from "node:path";
import { loadContent } from "../content/load";
import { createInterpreter } from "./interpret";

const content = loadContent(path.join(process.cwd(), "content"));
if (!content.ok) throw new Error("content must load for the search tests");
const { vocab, studies } = content.content;
const { interpret, suggest, near } = createInterpreter({
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

describe("clinical phrasings", () => {
  it("reads 'exon 2' as codons 12 and 13 of both genes, and says so", () => {
    const r = interpret("exon 2");
    expect(r.filters.group).toEqual(["KRAS-codon-12", "KRAS-codon-13", "KRAS-codon-12-13", "NRAS-codon-12", "NRAS-codon-13"]);
    expect(r.freeText).toEqual([]);
    expect(r.notes.join(" ")).toMatch(/codons 12 and 13, in KRAS and in NRAS/);
    expect(r.notes.join(" ")).toMatch(/RAS or KRAS level say nothing specific about exon 2/);
  });

  it("says what a phrase was read as in Chinese for a Chinese vocabulary, with the same filters", () => {
    const zh = createInterpreter({
      endpoints: vocab.endpoints,
      treatments: vocab.treatments,
      groups: vocab.molecularGroups,
      studies: studies.map((s) => ({ id: s.id, shortName: s.shortName, authors: s.citation.authors, year: s.citation.year })),
      locale: "zh",
    });
    const r = zh.interpret("exon 2");
    expect(r.filters.group).toEqual(interpret("exon 2").filters.group);
    expect(r.notes[0]).toMatch(/^外显子 2 即 KRAS 和 NRAS 的第 12、13 密码子：理解为.+、.+和.+。仅在 RAS 或 KRAS 层级报告的记录并未专门说明外显子 2，不予纳入。$/);
    expect(zh.interpret("resection margin").notes[0]).toMatch(/^切缘：.+。$/);
  });

  it("reads 'KRAS exon 2' as KRAS codons only, and exons 3 and 4 as their codons", () => {
    expect(interpret("KRAS exon 2").filters.group).toEqual(["KRAS-codon-12", "KRAS-codon-13", "KRAS-codon-12-13"]);
    expect(interpret("exon 3").filters.group.sort()).toEqual(["KRAS-codon-59", "KRAS-codon-61", "NRAS-codon-59", "NRAS-codon-61"]);
    expect(interpret("NRAS exon 4").filters.group.sort()).toEqual(["NRAS-codon-117", "NRAS-codon-146"]);
  });

  it("reads 'anti-EGFR' as cetuximab and panitumumab (every regimen containing them is below)", () => {
    for (const q of ["anti-EGFR", "anti EGFR", "EGFR antibody"]) expect(interpret(q).filters.treatment, q).toEqual(["cetuximab", "panitumumab"]);
  });

  it("reads 'liver-directed therapy' as the liver-directed class, without resection", () => {
    const r = interpret("liver-directed therapy");
    expect(r.filters.treatment.sort()).toEqual(["DEBIRI", "HAI", "SBRT", "SIRT", "thermal-ablation"]);
    expect(r.freeText).toEqual([]);
    expect(r.notes[0]).toMatch(/Resection is not included/);
    expect(interpret("locoregional").filters.treatment).toContain("HAI");
  });

  it("reads 'resection margin' as the margin endpoints, not as resection", () => {
    for (const q of ["resection margin", "margins", "surgical margins"]) {
      const r = interpret(q);
      expect(r.filters.endpoint.sort(), q).toEqual(["margin-width", "positive-margin"]);
      expect(r.filters.treatment, q).toEqual([]);
    }
    expect(interpret("R1 resection").filters.endpoint).toEqual(["positive-margin"]);
  });

  it("reads triplet, doublet and bev as the widest regimen, not a list of its members", () => {
    expect(interpret("triplet").filters.treatment).toEqual(["FOLFOXIRI"]);
    expect(interpret("doublet").filters.treatment).toEqual(["doublet"]);
    expect(interpret("bev").filters.treatment).toEqual(["bevacizumab"]);
    expect(interpret("triplet vs doublet RAS").filters).toMatchObject({ treatment: ["doublet", "FOLFOXIRI"], group: ["RAS"] });
  });

  it("adds no note where nothing needed reading", () => {
    expect(interpret("G12D").notes).toEqual([]);
    expect(interpret("OS after hepatectomy RAS").notes).toEqual([]);
  });

  it("finds the nearest terms to a word it did not understand", () => {
    expect(interpret("sotorasb").filters.treatment).toContain("sotorasib");
    expect(near("bevacizumob").some((m) => m.code === "bevacizumab")).toBe(true);
  });
});
