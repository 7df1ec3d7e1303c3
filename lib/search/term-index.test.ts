// The term index answers what a scan of every term answers: the terms occurring in a query, and
// fuse.js's results over the whole list (same terms, same scores, same order), over the curated
// vocabulary and a synthetic one with many look-alike study names.
import { describe, expect, it } from "vitest";
import path from "node:path";
import Fuse from "fuse.js";
import { loadContent } from "../content/load";
import { buildTerms } from "./interpret";
import { bitapChunks, createTermIndex, maxErrors } from "./term-index";

const content = loadContent(path.join(process.cwd(), "content"));
if (!content.ok) throw new Error("content must load for the search tests");
const { vocab, studies } = content.content;
const curated = buildTerms({
  endpoints: vocab.endpoints,
  treatments: vocab.treatments,
  groups: vocab.molecularGroups,
  studies: studies.map((s) => ({ id: s.id, shortName: s.shortName, authors: s.citation.authors, year: s.citation.year })),
});
const SURNAMES = ["Loupakis", "Nakamura", "Rossi", "Silva", "Cai", "Kemeny", "Adam", "Hennessy", "Chen", "Heptner"];
const synthetic = buildTerms({
  endpoints: vocab.endpoints,
  treatments: vocab.treatments,
  groups: vocab.molecularGroups,
  studies: Array.from({ length: 600 }, (_, i) => {
    const author = SURNAMES[i % SURNAMES.length]!;
    const year = 2000 + (i % 25);
    return { id: `syn-${String(i).padStart(5, "0")}-${studies[i % studies.length]!.id}`, shortName: `${author} ${year}`, authors: [`${author} A`], year };
  }),
});

const QUERIES = [
  "he", "hep", "hepa", "hepatectomy", "hepatectmy", "bevacizumb", "bevacizumab overall survival", "kras g12d", "codon 13", "folfoxiri",
  "conversion to resection", "exon 2", "转化治疗", "切缘", "loupakis 2021", "loupaki", "nakamra", "20", "2021", "cairo", "ciaro", "g12",
  "bevacizumab overall survival kras g12d hepatectomy margin", "zzzz", "os", "r0", "a", "syn-00042",
];

const scan = (terms: readonly { text: string }[], query: string) => terms.filter((t) => query.includes(t.text));

describe.each([
  ["curated", curated],
  ["synthetic", synthetic],
])("the term index over the %s vocabulary", (_, terms) => {
  const index = createTermIndex(terms);
  const everyTerm = (threshold: number, minMatchCharLength: number) => new Fuse(terms, { keys: ["text"], includeScore: true, threshold, ignoreLocation: true, minMatchCharLength });
  const full = { 0.3: everyTerm(0.3, 3), 0.5: everyTerm(0.5, 2) };

  it.each(QUERIES)("finds the terms occurring in %s", (q) => {
    expect(index.occurring(q)).toEqual(scan(terms, q));
  });

  // The interpreter's two uses: typos (0.3, at least 3 characters matched) and "did you mean" (0.5, 2).
  it.each(QUERIES.flatMap((q) => ([0.3, 0.5] as const).map((threshold) => [q, threshold] as const)))("answers %s (threshold %s) as fuse.js over every term", (q, threshold) => {
    const minMatchCharLength = threshold === 0.3 ? 3 : 2;
    for (const limit of [6, 12, 40]) {
      const want = full[threshold].search(q, { limit }).map((r) => [r.item, r.score]);
      expect(index.fuzzy(q, { threshold, minMatchCharLength, limit }).map((r) => [r.item, r.score])).toEqual(want);
    }
  });
});

describe("fuse.js's Bitap, as the index reads it", () => {
  it("allows errors up to the threshold's share of the pattern", () => {
    expect([2, 3, 4, 10, 32].map((m) => maxErrors(m, 0.3))).toEqual([0, 0, 1, 3, 9]);
    expect([2, 3, 4, 10].map((m) => maxErrors(m, 0.5))).toEqual([1, 1, 2, 5]);
  });

  it("splits a pattern longer than 32 characters into 32-character chunks, the last one ending at its end", () => {
    const p = "abcdefghijklmnopqrstuvwxyz0123456789";
    expect(bitapChunks(p)).toEqual([p.slice(0, 32), p.slice(4)]);
    expect(bitapChunks("short")).toEqual(["short"]);
  });
});
