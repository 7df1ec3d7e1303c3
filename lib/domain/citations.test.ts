import { describe, expect, it } from "vitest";
import { toBibtex, toRis } from "./citations";
import type { StudyRecord } from "./records";

const ncch: StudyRecord = {
  id: "ncch-scp-2024", shortName: "NCCH 2024", title: null, authors: ["Ito S"], authorsComplete: false, journal: "World J Surg Oncol", year: 2024,
  volume: "22", issue: null, pages: "247", doi: "10.1186/s12957-024-03529-9", pmid: "39267117", url: null, citationNote: null, reports: [], design: "retrospective-cohort",
  designLabel: "Retrospective cohort", setting: null, centres: null, country: null, enrolment: null, n: 150, codonsTested: null, followUp: null,
  sourceLevel: "primary-full-text", sourceLevels: [], notes: null, arms: [], effectCount: 0, flags: [],
};

describe("citations", () => {
  it("writes RIS with DOI and PMID", () => {
    const ris = toRis([ncch]);
    expect(ris).toContain("TY  - JOUR");
    expect(ris).toContain("AU  - Ito S");
    expect(ris).toContain("DO  - 10.1186/s12957-024-03529-9");
    expect(ris).toContain("AN  - PMID:39267117");
    expect(ris.trim().endsWith("ER  -")).toBe(true);
  });
  it("writes BibTeX, marking an incomplete author list", () => {
    const bib = toBibtex([ncch]);
    expect(bib).toMatch(/^@article\{Ito2024/);
    expect(bib).toContain("author = {Ito S and others}");
    expect(bib).toContain("pages = {247}");
  });
});
