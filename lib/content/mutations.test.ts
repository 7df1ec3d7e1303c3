// A careless curator and an attacker edit content: more than 200 mutations of a valid content set.
// Each is rejected with a message naming file, record and field and saying what is allowed, or
// (a legitimate oddity of a paper) accepted and flagged. db:build refuses on any content error
// before it opens a database, so a rejection cannot change one: a sample goes through the real
// db:build to show the previous database stays byte-identical, and the same content builds the
// same bytes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, existsSync } from "node:fs";
import { createHash } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { formatContentError, loadContent } from "./load";
import { buildDataset } from "../build/dataset";
import { buildDatabaseFile } from "../build/build-database";
import { recordHardening } from "../testing/hardening-report";

const ROOT = process.cwd();
const STUDIES = ["ncch-scp-2024", "spectrum-hai-2022", "cairo5"];
let dir: string;

/** A small valid content set: the vocabularies and three studies (questions and assessments need others). */
function freshContent(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), "mutations-"));
  cpSync(path.join(ROOT, "content", "vocab"), path.join(d, "content", "vocab"), { recursive: true });
  mkdirSync(path.join(d, "content", "studies"), { recursive: true });
  for (const s of STUDIES) cpSync(path.join(ROOT, "content", "studies", `${s}.yaml`), path.join(d, "content", "studies", `${s}.yaml`));
  return path.join(d, "content");
}

type Mutation = { name: string; file: string; edit: (text: string) => string; expect: RegExp[] } | { name: string; file: string; edit: (text: string) => string; flagged: RegExp };

/** Replace one field of one record: `    field: value` inside the block of `  - id: record`. */
function setField(record: string, field: string, value: string | null) {
  return (text: string) => {
    const start = text.indexOf(`\n  - id: ${record}\n`, text.indexOf("\neffects:"));
    if (start < 0) throw new Error(`no record ${record}`);
    if (field === "id") return text.slice(0, start) + `\n  - id: ${value}\n` + text.slice(start + `\n  - id: ${record}\n`.length);
    const end = text.indexOf("\n  - id: ", start + 1);
    const block = text.slice(start, end < 0 ? undefined : end);
    // The field's line and any folded continuation lines under it.
    const line = new RegExp(`\\n    ${field}: [^\\n]*(\\n      [^\\n]*)*`);
    const next = value === null ? block.replace(line, "") : line.test(block) ? block.replace(line, `\n    ${field}: ${value}`) : block.replace(`\n  - id: ${record}\n`, `\n  - id: ${record}\n    ${field}: ${value}\n`);
    return text.slice(0, start) + next + (end < 0 ? "" : text.slice(end));
  };
}
const top = (field: string, value: string) => (text: string) => text.replace(new RegExp(`^${field}: [^\\n]*`, "m"), `${field}: ${value}`);

const NCCH = "studies/ncch-scp-2024.yaml";
const SPECTRUM = "studies/spectrum-hai-2022.yaml";
const CAIRO5 = "studies/cairo5.yaml";
// Records of each kind: a ratio contrast, an arm median, a p-only, an arm proportion with counts.
const RECORDS: { file: string; id: string; kind: "contrast" | "median" | "p-only" | "proportion" }[] = [
  { file: NCCH, id: "os-mv-ras", kind: "contrast" },
  { file: NCCH, id: "os-median-ras-wt", kind: "median" },
  { file: NCCH, id: "os-by-ras-p", kind: "p-only" },
  { file: SPECTRUM, id: "orr-kras", kind: "proportion" },
  { file: CAIRO5, id: "pfs-hr", kind: "contrast" },
  { file: CAIRO5, id: "os-lba27-arm-a", kind: "median" },
];

function mutations(): Mutation[] {
  const out: Mutation[] = [];
  const where = (r: { file: string; id: string }, field: string) => [
    new RegExp(`${r.file.replace(/[./]/g, "\\$&")} › effects\\[\\d+\\] \\((${r.id}|Bad ID)?\\)?${field ? ` › ${field.replace(/\./g, "\\.")}` : ":"}`),
  ];
  for (const r of RECORDS) {
    const m = (name: string, field: string, value: string | null, message: RegExp, reportedField = field) =>
      out.push({ name: `${r.id}: ${name}`, file: r.file, edit: setField(r.id, field, value), expect: [...where(r, reportedField), message] });
    m("unknown endpoint", "endpoint", "OSS", /unknown endpoint "OSS"; allowed:/);
    m("empty endpoint", "endpoint", '""', /must not be empty/);
    m("unknown molecular group", "molecularGroups", "[KRAS-G12Z]", /unknown molecular group "KRAS-G12Z"/);
    m("molecular groups not a list", "molecularGroups", "RAS", /expected array/);
    m("unknown analysis", "analysis", "adjusted", /is not allowed; allowed: univariable, multivariable/);
    m("unknown kind", "kind", "estimate", /is not allowed; allowed: contrast, arm/);
    m("unknown source level", "sourceLevel", "blog", /is not allowed; allowed: primary-full-text/);
    m("unknown field", "colour", "red", /unknown field\(s\) colour/, "");
    m("empty locator", "locator", '""', /must not be empty/);
    m("a 1,000-character locator", "locator", `"${"x".repeat(1000)}"`, /longer than 300 characters/);
    m("a 6,000-character note", "note", `"${"y".repeat(6000)}"`, /longer than 5000 characters/);
    m("unknown treatment", "treatment", "FOLFOXXX", /unknown treatment "FOLFOXXX"/);
    m("a dangling sameAs", "sameAs", '"nowhere/nothing"', /points at "nowhere\/nothing", which is no record/);
    m("a sameAs to itself", "sameAs", `"${r.file.includes("ncch") ? "ncch-scp-2024" : r.file.includes("spectrum") ? "spectrum-hai-2022" : "cairo5"}/${r.id}"`, /cannot be the same as itself/);
    m("a comparison id that links nothing", "comparison", "lonely-comparison-id", /"lonely-comparison-id" links no other record/);
    m("a p-value above 1", "p", '"1.5"', /is not a p-value as printed/);
    m("a p-value in words", "p", '"significant"', /is not a p-value as printed/);
    m("a negative p", "p", '"-0.1"', /is not a p-value as printed/);
    m("an unknown report", "report", "no-such-report", /unknown report "no-such-report"/);
    m("a secondary record without citedAs", "sourceLevel", "secondary", /citedAs › ?|is required for a secondary record/, "citedAs");
    m("a bad id", "id", '"Bad ID"', /must be kebab-case/, "id");
    if (r.kind === "contrast") {
      m("a value in words", "value", "two", /"two" is not a number as printed/);
      m("a 400-digit value", "value", "9".repeat(400), /not a plausible printed figure/);
      m("a value with two points", "value", "1.2.3", /not a number as printed/);
      m("a negative ratio", "value", '"-0.5"', /must be positive/);
      m("a zero ratio", "value", '"0"', /must be positive/);
      m("a ratio CI bound of 0", "ciLower", '"0"', /confidence bound must be above 0/);
      m("a negative ratio CI bound", "ciLower", '"-1.2"', /confidence bound must be above 0/);
      m("a CI level of 150", "ciLevel", '"150"', /a confidence level is a percentage from 50 to 99.9/);
      m("a CI level of 10", "ciLevel", '"10"', /a confidence level is a percentage from 50 to 99.9/);
      m("a CI level in words", "ciLevel", "ninety-five", /not a number as printed/);
      m("a lower bound without an upper", "ciUpper", null, /ciLower and ciUpper go together/, "ciUpper");
      m("no exposureGroup", "exposureGroup", null, /is required for a comparison/);
      m("an unknown exposureGroup", "exposureGroup", "martians", /unknown group "martians"/);
      m("exposureGroup equal to referenceGroup", "exposureGroup", r.id === "os-mv-ras" ? "RAS-wt" : "doublet-bev", /a comparison needs two groups/, "referenceGroup");
      m("no referenceGroup", "referenceGroup", null, /is required for a comparison/);
      m("no exposure", "exposure", null, /is required for a contrast/);
      m("no measure", "measure", null, /is required for a contrast/);
      m("an unknown measure", "measure", "XX", /is not allowed; allowed: HR, OR/);
      m("a reading of an unprinted range", "reading", '{rangeLower: "1.0", reason: test}', /reads a rangeLower that was not printed/, "reading.rangeLower");
      m("a reading without a reason", "reading", '{value: "2.0"}', /reason/, "reading.reason");
      m("a reading that is not a number", "reading", '{value: "two", reason: test}', /not a number as printed/, "reading.value");
    }
    if (r.kind === "median") {
      m("a negative median of months", "value", '"-58.87"', /a duration in months cannot be negative/);
      m("a median in words", "value", "long", /not a number as printed/);
      m("a 400-digit median", "value", "1".repeat(400), /not a plausible printed figure/);
      m("an arm labelled univariable", "analysis", "univariable", /an arm-level value or frequency is descriptive/);
      m("an arm without its group", "group", null, /is required for an arm-level value/);
      m("an arm without a measure", "measure", null, /is required for an arm record/);
    }
    if (r.kind === "p-only") {
      m("a p-only record without p", "p", null, /is required for a p-only record/);
      m("a p-only record without a statement", "statement", null, /is required for a p-only record/);
      m("no exposureGroup", "exposureGroup", null, /is required for a comparison/);
    }
    if (r.kind === "proportion") {
      m("more events than patients", "events", "99", /events \(99\) exceed total/);
      m("negative events", "events", '"-1"', /not a whole number/);
      m("fractional events", "events", '"1.5"', /not a whole number/);
      m("ten million and one patients", "total", "10000001", /not a whole number from 0 to/);
      m("a percentage of 0 patients", "total", '"0"', /a percentage of no patients/);
      m("a percentage above 100", "value", '"133"', /between 0 and 100/);
      out.push({ name: `${r.id}: 0 of 0 patients at a percentage`, file: r.file, edit: (t) => setField(r.id, "total", '"0"')(setField(r.id, "events", '"0"')(t)), expect: [...where(r, "total"), /a percentage of no patients/] });
    }
  }
  // Study-level fields.
  for (const file of [NCCH, SPECTRUM, CAIRO5]) {
    const at = (field: string) => new RegExp(`${file.replace(/[./]/g, "\\$&")} › ${field}`);
    out.push({ name: `${file}: year 99999`, file, edit: (t) => t.replace(/^  year: [^\n]*/m, "  year: 99999"), expect: [at("citation.year"), /not a year from 1900 to 2100/] });
    out.push({ name: `${file}: year 1066`, file, edit: (t) => t.replace(/^  year: [^\n]*/m, "  year: 1066"), expect: [at("citation.year"), /not a year/] });
    out.push({ name: `${file}: a 1 MB short name`, file, edit: top("shortName", `"${"N".repeat(1_000_000)}"`), expect: [at("shortName"), /longer than 300 characters/] });
    out.push({ name: `${file}: an unknown design`, file, edit: top("design", "anecdote"), expect: [at("design"), /unknown design "anecdote"/] });
    out.push({ name: `${file}: an unknown document`, file, edit: top("document", "blog-post"), expect: [at("document"), /unknown document "blog-post"/] });
    out.push({ name: `${file}: an id not the file name`, file, edit: top("id", "another-id"), expect: [at("id"), /must match the file name/] });
    out.push({ name: `${file}: a PMID with letters`, file, edit: (t) => t.replace(/^  pmid: [^\n]*/m, '  pmid: "PMC123"'), expect: [at("citation.pmid"), /PMID must be digits only/] });
    out.push({ name: `${file}: a URL that is not one`, file, edit: (t) => t.replace(/^  url: [^\n]*/m, '  url: "javascript:alert(1)"'), expect: [at("citation.url"), /must be an http\(s\) address/] });
    out.push({ name: `${file}: n negative`, file, edit: top("n", '"-5"'), expect: [at("n"), /not a whole number/] });
    out.push({ name: `${file}: no effects`, file, edit: (t) => t.slice(0, t.indexOf("\neffects:")) + "\neffects: []\n", expect: [at("effects"), /at least one effect record/] });
    out.push({ name: `${file}: an unknown top-level field`, file, edit: (t) => `${t}\ncolour: red\n`, expect: [new RegExp(file.replace(/[./]/g, "\\$&")), /unknown field\(s\) colour/] });
    out.push({ name: `${file}: a duplicate key`, file, edit: (t) => t.replace(/^shortName: ([^\n]*)/m, "shortName: $1\nshortName: again"), expect: [new RegExp(file.replace(/[./]/g, "\\$&")), /not valid YAML/] });
    out.push({ name: `${file}: a control character`, file, edit: (t) => t.replace(/^notes: /m, "notes: \u0007"), expect: [new RegExp(file.replace(/[./]/g, "\\$&")), /control character \(U\+0007\) on line \d+/] });
    out.push({ name: `${file}: a NUL byte`, file, edit: (t) => t.replace(/^notes: /m, "notes: \u0000"), expect: [new RegExp(file.replace(/[./]/g, "\\$&")), /control character \(U\+0000\)/] });
    out.push({ name: `${file}: two YAML documents`, file, edit: (t) => `${t}\n---\nid: x\n`, expect: [new RegExp(file.replace(/[./]/g, "\\$&")), /holds 2 YAML documents/] });
    out.push({ name: `${file}: broken YAML`, file, edit: (t) => `${t}\n  - id: [unclosed\n`, expect: [new RegExp(file.replace(/[./]/g, "\\$&")), /not valid YAML/] });
    out.push({ name: `${file}: empty`, file, edit: () => "   \n", expect: [new RegExp(file.replace(/[./]/g, "\\$&")), /is empty/] });
    out.push({ name: `${file}: an alias bomb`, file, edit: () => ["a: &a [x,x,x,x,x,x,x,x,x,x]", "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]", "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]", "d: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]"].join("\n"), expect: [new RegExp(file.replace(/[./]/g, "\\$&")), /aliases are limited|not valid YAML/] });
    out.push({ name: `${file}: deep nesting`, file, edit: () => `${"x:\n".split("").length ? Array.from({ length: 30 }, (_, i) => `${"  ".repeat(i)}k${i}:`).join("\n") : ""} deep\n`, expect: [new RegExp(file.replace(/[./]/g, "\\$&")), /nested more than 12 levels|not valid YAML/] });
    out.push({ name: `${file}: a report updating itself`, file, edit: (t) => (t.includes("reports: []") ? t.replace("reports: []", "reports:\n  - id: self\n    label: x\n    updates: self") : t.replace(/^reports:\n/m, "reports:\n  - id: self\n    label: x\n    updates: self\n")), expect: [new RegExp(file.replace(/[./]/g, "\\$&")), /cannot update itself|unknown report/] });
    out.push({ name: `${file}: a duplicate record id`, file, edit: (t) => t.slice(0, t.indexOf("\neffects:")) + t.slice(t.indexOf("\neffects:")).replace(/\n  - id: ([a-z0-9-]+)\n/, "\n  - id: $1\n    kind: direction\n    endpoint: OS\n    direction: worse\n    statement: x\n    exposure: a\n    reference: b\n    exposureGroup: RAS\n    referenceGroup: RAS-wt\n    population: x\n    analysis: univariable\n    molecularGroups: []\n    locator: x\n  - id: $1\n"), expect: [new RegExp(file.replace(/[./]/g, "\\$&")), /duplicate record id/] });
  }
  // Vocabularies.
  const vocab = "vocab/molecular-groups.yaml";
  out.push({ name: "a parent cycle RAS → KRAS → RAS", file: vocab, edit: (t) => t.replace(/code: RAS\n  label: ([^\n]*)\n((?:  labelZh: [^\n]*\n)?)  parent: null/, "code: RAS\n  label: $1\n$2  parent: KRAS"), expect: [/molecular-groups.yaml/, /parents form a cycle: (RAS → KRAS → RAS|KRAS → RAS → KRAS)/] });
  out.push({ name: "an unknown parent", file: vocab, edit: (t) => t.replace(/code: KRAS\n  label: ([^\n]*)\n((?:  labelZh: [^\n]*\n)?)  parent: RAS/, "code: KRAS\n  label: $1\n$2  parent: RASS"), expect: [/molecular-groups.yaml/, /unknown parent "RASS"/] });
  out.push({ name: "a duplicate molecular code", file: vocab, edit: (t) => `${t}\n- code: RAS\n  label: again\n  parent: null\n  level: gene-family\n  synonyms: []\n`, expect: [/molecular-groups.yaml/, /duplicate code "RAS"/] });
  out.push({ name: "an unknown level", file: vocab, edit: (t) => t.replace("\n  level: gene-family", "\n  level: family"), expect: [/molecular-groups.yaml/, /is not allowed/] });
  out.push({ name: "a treatment parent cycle", file: "vocab/treatments.yaml", edit: (t) => t.replace(/code: doublet\n  label: ([^\n]*)\n((?:  labelZh: [^\n]*\n)?)  class: ([^\n]*)\n/, "code: doublet\n  label: $1\n$2  class: $3\n  parents: [FOLFOX]\n"), expect: [/treatments.yaml/, /parents form a cycle/] });
  out.push({ name: "an unknown treatment parent", file: "vocab/treatments.yaml", edit: (t) => t.replace("parents: [doublet]", "parents: [doublett]"), expect: [/treatments.yaml/, /unknown parent "doublett"/] });
  out.push({ name: "an unknown endpoint role", file: "vocab/endpoints.yaml", edit: (t) => t.replace("role: time-to-event", "role: deadly"), expect: [/endpoints.yaml/, /is not allowed/] });
  out.push({ name: "an empty vocabulary file", file: "vocab/designs.yaml", edit: () => "", expect: [/designs.yaml/, /is empty/] });
  out.push({ name: "a bad factor code", file: "vocab/factors.yaml", edit: (t) => `${t}\n- code: Bad Code\n  label: x\n  factor: y\n`, expect: [/factors.yaml/, /kebab-case/] });
  out.push({ name: "a source-level rank in words", file: "vocab/source-levels.yaml", edit: (t) => t.replace("rank: 1", "rank: first"), expect: [/source-levels.yaml/, /not a whole number/] });
  // Legitimate oddities of a paper: accepted, and flagged.
  out.push({ name: "a percentage that its count cannot give", file: SPECTRUM, edit: setField("orr-kras", "value", '"70"'), flagged: /percent-mismatch/ });
  out.push({ name: "an estimate outside its CI", file: NCCH, edit: setField("os-mv-ras", "value", '"7.10"'), flagged: /estimate-outside-ci/ });
  out.push({ name: "a reversed CI", file: CAIRO5, edit: setField("pfs-hr", "ciLower", '"1.20"'), flagged: /estimate-outside-ci/ });
  out.push({ name: "a reversed range", file: NCCH, edit: (t) => setField("os-median-ras-wt", "rangeUpper", '"1.0"')(setField("os-median-ras-wt", "rangeLower", '"90.0"')(t)), flagged: /estimate-outside-ci/ });
  out.push({ name: "a p-value the CI contradicts", file: NCCH, edit: setField("os-mv-ras", "p", '"0.40"'), flagged: /p-ci-mismatch/ });
  out.push({ name: "a CI asymmetric on the log scale", file: NCCH, edit: setField("os-mv-ras", "ciUpper", '"12.5"'), flagged: /ci-asymmetric/ });
  out.push({ name: "an implausible median not yet read", file: NCCH, edit: setField("os-median-ras-wt", "value", '"7003"'), flagged: /implausible-value|estimate-outside-ci/ });
  out.push({ name: "an HR pointing against its medians", file: CAIRO5, edit: setField("pfs-hr", "value", '"0.99"'), flagged: /^$|direction-mismatch|p-ci-mismatch|ci-asymmetric/ });
  return out;
}

const sha = (f: string) => createHash("sha256").update(readFileSync(f)).digest("hex");
const all = mutations();

/** What the suite saw, for bench/hardening.json (written only when every mutation ran). */
const tally = {
  tried: 0,
  rejected: 0,
  /** The matching error names file, record and field (a record's value). */
  rejectedNamingFileRecordField: 0,
  /** File and field (a study's own field, a vocabulary entry's), no record. */
  rejectedNamingFileField: 0,
  /** The file only (the file as a whole: YAML syntax, two documents, an empty file, a folder). */
  rejectedNamingFileOnly: 0,
  flagged: 0,
  databaseUnchanged: 0,
  databaseChanged: 0,
};
let database: string;
let databaseSha: string;

describe("content mutations", () => {
  beforeAll(async () => {
    dir = freshContent();
    // The database the rejected mutations must leave as it is, built by db:build's own function.
    database = path.join(path.dirname(dir), "evidence.db");
    const built = await buildDatabaseFile(dir, database);
    if (!built.ok) throw new Error(built.errors.map(formatContentError).join("\n"));
    databaseSha = sha(database);
  }, 120_000);
  afterAll(() => {
    rmSync(path.dirname(dir), { recursive: true, force: true });
    if (tally.tried !== all.length) return;
    recordHardening("contentMutations", {
      test: "lib/content/mutations.test.ts",
      ...tally,
      rejectedOrFlagged: tally.rejected + tally.flagged,
      summary: `${tally.rejected + tally.flagged}/${tally.tried} rejected or flagged (${tally.rejected} rejected, ${tally.flagged} accepted and flagged); database byte-identical after ${tally.databaseUnchanged}/${tally.rejected} rejected builds`,
    });
  });

  it("tries more than 200 mutations", () => {
    expect(all.length).toBeGreaterThanOrEqual(200);
  });

  it("the unmutated set is valid", () => {
    const r = loadContent(dir);
    expect(r.ok ? "" : r.errors.map(formatContentError).join("\n")).toBe("");
  });

  it.each(all.map((m) => [m.name, m] as const))("%s", async (_name, m) => {
    const file = path.join(dir, m.file);
    const before = readFileSync(file, "utf8");
    writeFileSync(file, m.edit(before));
    tally.tried++;
    try {
      const r = loadContent(dir);
      if ("flagged" in m) {
        if (!r.ok) throw new Error(r.errors.map(formatContentError).join("\n"));
        const flags = buildDataset(r.content).checkFlags.map((f) => f.code).join(" ");
        expect(flags).toMatch(m.flagged);
        tally.flagged++;
      } else {
        expect(r.ok, "the mutation must be rejected").toBe(false);
        if (r.ok) return;
        const lines = r.errors.map(formatContentError);
        const index = lines.findIndex((l) => m.expect.every((re) => re.test(l)));
        expect(index, `no error matched ${m.expect.join(" and ")}; got:\n${lines.join("\n")}`).toBeGreaterThanOrEqual(0);
        // Every error names the file it is in.
        for (const l of lines) expect(l).toMatch(/^content\//);
        // The build refuses it and leaves the previous database byte-identical.
        const build = await buildDatabaseFile(dir, database);
        expect(build.ok).toBe(false);
        const unchanged = sha(database) === databaseSha;
        expect(unchanged, "the database changed").toBe(true);
        tally.rejected++;
        const named = r.errors[index]!;
        if (named.record && named.field) tally.rejectedNamingFileRecordField++;
        else if (named.field || named.record) tally.rejectedNamingFileField++;
        else tally.rejectedNamingFileOnly++;
        if (unchanged) tally.databaseUnchanged++;
        else tally.databaseChanged++;
      }
    } finally {
      writeFileSync(file, before);
    }
  });

  it("files that are not plain .yaml files are named, never skipped or crashed on", () => {
    const studies = path.join(dir, "studies");
    writeFileSync(path.join(studies, "extra.yml"), "id: extra\n");
    mkdirSync(path.join(studies, "folder.yaml"));
    symlinkSync(path.join(studies, "cairo5.yaml"), path.join(studies, "link.yaml"));
    writeFileSync(path.join(studies, "latin1.yaml"), Buffer.from([0x69, 0x64, 0x3a, 0x20, 0xe9, 0x0a]));
    try {
      const r = loadContent(dir);
      expect(r.ok).toBe(false);
      const text = r.ok ? "" : r.errors.map(formatContentError).join("\n");
      expect(text).toContain("content/studies/extra.yml: is not read: content files end in .yaml");
      expect(text).toContain("content/studies/folder.yaml: is a folder where a YAML file belongs");
      expect(text).toContain("content/studies/link.yaml: is a link");
      expect(text).toContain("content/studies/latin1.yaml: is not valid UTF-8");
    } finally {
      for (const f of ["extra.yml", "link.yaml", "latin1.yaml"]) rmSync(path.join(studies, f), { force: true });
      rmSync(path.join(studies, "folder.yaml"), { recursive: true, force: true });
    }
  });
});

describe("db:build with rejected content", () => {
  const tsx = path.join(ROOT, "node_modules", ".bin", "tsx");
  const build = (contentDir: string, db: string) => {
    try {
      execFileSync(tsx, [path.join(ROOT, "scripts", "db-build.ts")], { cwd: ROOT, env: { ...process.env, EVIDENCE_CONTENT: contentDir, EVIDENCE_DB: db }, stdio: "pipe" });
      return true;
    } catch {
      return false;
    }
  };

  it("leaves the previous database byte-identical for a sample of rejections, and builds the same bytes from the same content", () => {
    const content = freshContent();
    const db = path.join(path.dirname(content), "evidence.db");
    expect(build(content, db)).toBe(true);
    const first = sha(db);
    const copy = path.join(path.dirname(content), "again.db");
    expect(build(content, copy)).toBe(true);
    expect(sha(copy)).toBe(first);
    const sample = all.filter((m) => !("flagged" in m)).filter((_m, i) => i % 40 === 0);
    expect(sample.length).toBeGreaterThanOrEqual(5);
    for (const m of sample) {
      const file = path.join(content, m.file);
      const before = readFileSync(file, "utf8");
      writeFileSync(file, m.edit(before));
      expect(build(content, db), m.name).toBe(false);
      expect(sha(db), m.name).toBe(first);
      writeFileSync(file, before);
    }
    expect(existsSync(db)).toBe(true);
    rmSync(path.dirname(content), { recursive: true, force: true });
  }, 300_000);
});
