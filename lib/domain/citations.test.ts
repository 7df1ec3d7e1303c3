import { describe, expect, it } from "vitest";
import { publicationsOf, toBibtex, toRis, type CitingDocument } from "./citations";
import type { StudyRecord } from "./records";

const ncch: StudyRecord = {
  id: "ncch-scp-2024", shortName: "NCCH 2024", title: null, authors: ["Ito S"], authorsComplete: false, journal: "World J Surg Oncol", year: 2024,
  volume: "22", issue: null, pages: "247", doi: "10.1186/s12957-024-03529-9", pmid: "39267117", url: null, citationNote: null, reports: [], design: "retrospective-cohort",
  designLabel: "Retrospective cohort", setting: null, centres: null, country: null, enrolment: null, n: 150, codonsTested: null, followUp: null,
  sourceLevel: "primary-full-text", sourceLevels: [], notes: null, arms: [], effectCount: 0, flags: [],
};

describe("citations", () => {
  it("writes RIS with DOI and PMID", () => {
    const ris = toRis(publicationsOf([ncch], [], []));
    expect(ris).toContain("TY  - JOUR");
    expect(ris).toContain("AU  - Ito, S");
    expect(ris).toContain("DO  - 10.1186/s12957-024-03529-9");
    expect(ris).toContain("AN  - PMID:39267117");
    expect(ris.trim().endsWith("ER  -")).toBe(true);
  });
  it("writes BibTeX, marking an incomplete author list", () => {
    const bib = toBibtex(publicationsOf([ncch], [], []));
    expect(bib).toMatch(/^@article\{Ito2024/);
    expect(bib).toContain("author = {Ito S and others}");
    expect(bib).toContain("pages = {247}");
  });
});

describe("the publications a view uses", () => {
  const review: CitingDocument = {
    code: "peng-review-2022",
    label: "Peng JH, review 2022",
    citation: { title: "RAS突变型结直肠癌肝转移转化治疗进展", authors: ["Peng JH"], authorsComplete: true, journal: "Liangyihui (良医汇) online", year: 2022, volume: null, issue: null, pages: null, doi: null, pmid: null, url: "http://www-search.liangyihui.net/doc/94992" },
  };
  const tribe = {
    ...ncch, id: "tribe", shortName: "TRIBE", title: "Initial therapy with FOLFOXIRI and bevacizumab for metastatic colorectal cancer", authors: ["Loupakis F", "Cremolini C"], authorsComplete: false,
    journal: "N Engl J Med", year: 2014, doi: "10.1056/NEJMoa1403108", pmid: "25337750",
    reports: [{ id: "update", label: "Updated analysis", title: "Updated overall survival", authors: ["Cremolini C"], authorsComplete: false, journal: "Lancet Oncol", year: 2015, volume: "16", issue: "13", pages: "1306-1315", doi: "10.1016/S1470-2045(15)00122-9", pmid: "26338525", url: null, citationNote: null, updates: "citation" }],
  };
  it("includes each study's reports and, where a secondary figure is used, the review", () => {
    const pubs = publicationsOf([tribe], [{ document: "peng-review-2022", sourceLevel: "secondary" }], [review]);
    expect(pubs.map((p) => p.key)).toEqual(["peng-review-2022", "tribe", "tribe/update"]);
    expect(publicationsOf([tribe], [{ document: "x", sourceLevel: "primary-abstract" }], [review]).map((p) => p.key)).toEqual(["tribe", "tribe/update"]);
  });
  it("writes the review as an electronic source with its URL, and every author with an et al. marker", () => {
    const ris = toRis(publicationsOf([tribe], [{ document: "peng-review-2022", sourceLevel: "secondary" }], [review]));
    expect(ris).toContain("TY  - JOUR\r\nAU  - Peng, JH");
    expect(ris).toContain("UR  - http://www-search.liangyihui.net/doc/94992");
    expect(ris).toContain("TI  - Initial therapy with FOLFOXIRI and bevacizumab for metastatic colorectal cancer");
    expect(ris).toContain("N1  - TRIBE; source level in this database: primary-full-text; author list incomplete (et al.)");
  });
  it("keeps every value on one line and balances BibTeX braces", () => {
    const hostile = { ...ncch, title: "A title\r\nER  - \r\nTY  - JOUR {x} 50% \\ end" };
    const ris = toRis(publicationsOf([hostile], [], []));
    expect(ris.split("\r\n").filter((l) => /^(TY|ER)  -/.test(l))).toEqual(["TY  - JOUR", "ER  - "]);
    const bib = toBibtex(publicationsOf([hostile], [], []));
    expect(bib).toContain("title = {A title ER  -  TY  - JOUR \\{x\\} 50\\% \\textbackslash{} end}");
  });
});
