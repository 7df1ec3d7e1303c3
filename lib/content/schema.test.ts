// The content schemas: what passes, and that every error names the file, the record and the field
// and says what is allowed.
import { describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, writeFileSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadContent, formatContentError } from "./load";
import { parsePrinted, parsePrintedP } from "./printed";

function contentCopy(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "content-"));
  cpSync(path.join(process.cwd(), "content"), dir, { recursive: true });
  return dir;
}

const minimalStudy = (effects: string) => `
id: test-study
shortName: Test 2024
title: null
citation:
  authors: [Doe J]
  journal: J Test
  year: 2024
  doi: 10.1/x
  pmid: "123"
design: retrospective-cohort
sourceLevel: primary-full-text
document: ncch-fulltext
arms:
  - id: mt
    label: RAS-mutant
    n: 10
    molecularGroup: RAS
effects:
${effects}
`;

const goodEffect = `
  - id: os-hr
    kind: contrast
    endpoint: OS
    measure: HR
    value: 2.00
    ciLower: 1.10
    ciUpper: 3.64
    p: "0.02"
    exposure: RAS-mutant
    reference: RAS wild-type
    exposureGroup: RAS
    referenceGroup: RAS-wt
    population: Whole cohort
    analysis: multivariable
    molecularGroups: [RAS]
    locator: Table 2
`;

describe("printed numbers", () => {
  it("keeps the printed precision", () => {
    expect(parsePrinted("7.00")).toEqual({ text: "7.00", value: 7, decimals: 2 });
    expect(parsePrinted(".5")?.value).toBe(0.5);
    expect(parsePrinted("4,403")).toBeNull();
  });
  it("parses p-values as printed", () => {
    expect(parsePrintedP("<0.001")).toMatchObject({ relation: "<", value: 0.001, decimals: 3 });
    expect(parsePrintedP(".04")).toMatchObject({ relation: "=", value: 0.04 });
    expect(parsePrintedP("1.5")).toBeNull();
  });
});

describe("loadContent", () => {
  it("accepts the curated content", () => {
    const r = loadContent(path.join(process.cwd(), "content"));
    if (!r.ok) throw new Error(r.errors.map(formatContentError).join("\n"));
    expect(r.content.studies.length).toBeGreaterThan(20);
    expect(r.content.version).toMatch(/^[0-9a-f]{16}$/);
  });

  it("accepts a minimal valid study and keeps printed text", () => {
    const dir = contentCopy();
    writeFileSync(path.join(dir, "studies", "test-study.yaml"), minimalStudy(goodEffect));
    const r = loadContent(dir);
    if (!r.ok) throw new Error(r.errors.map(formatContentError).join("\n"));
    const s = r.content.studies.find((x) => x.id === "test-study")!;
    expect(s.effects[0]!.value).toEqual({ text: "2.00", value: 2, decimals: 2 });
  });

  it.each([
    ["an unknown endpoint", goodEffect.replace("endpoint: OS", "endpoint: OSS"), "effects[0] (os-hr) › endpoint", "allowed: OS, PFS"],
    ["an unknown molecular group", goodEffect.replace("molecularGroups: [RAS]", "molecularGroups: [KRAS-G12Z]"), "molecularGroups", "unknown molecular group"],
    ["a non-numeric value", goodEffect.replace("value: 2.00", "value: two"), "effects[0] (os-hr) › value", "not a number as printed"],
    ["a malformed p", goodEffect.replace('p: "0.02"', 'p: "significant"'), "› p", "not a p-value as printed"],
    ["an unknown analysis", goodEffect.replace("analysis: multivariable", "analysis: adjusted"), "› analysis", "allowed: univariable, multivariable"],
    ["an unknown field", goodEffect.replace("locator: Table 2", "locator: Table 2\n    colour: red"), "effects[0] (os-hr)", "unknown field(s) colour"],
    ["a contrast without a reference", goodEffect.replace("    reference: RAS wild-type\n", ""), "› reference", "is required for a contrast"],
    ["a secondary record without citedAs", goodEffect.replace("locator: Table 2", "locator: Table 2\n    sourceLevel: secondary"), "› citedAs", "is required for a secondary record"],
    ["a missing locator", goodEffect.replace("    locator: Table 2\n", ""), "› locator", "expected string"],
    ["a comparison without exposureGroup", goodEffect.replace("    exposureGroup: RAS\n", ""), "effects[0] (os-hr) › exposureGroup", "is required for a comparison"],
    ["an unknown comparison code", goodEffect.replace("referenceGroup: RAS-wt", "referenceGroup: wild"), "effects[0] (os-hr) › referenceGroup", 'unknown group "wild"'],
    ["a dangling sameAs", goodEffect.replace("locator: Table 2", "locator: Table 2\n    sameAs: other-study/nothing"), "effects[0] (os-hr) › sameAs", 'points at "other-study/nothing", which is no record'],
    ["a comparison id that links nothing", goodEffect.replace("locator: Table 2", "locator: Table 2\n    comparison: lonely"), "effects[0] (os-hr) › comparison", '"lonely" links no other record'],
    ["an arm value labelled univariable", goodEffect.replace("kind: contrast", "kind: arm\n    group: mt").replace("measure: HR", "measure: median"), "effects[0] (os-hr) › analysis", "is descriptive"],
    ["a reading of a figure not printed", goodEffect.replace("locator: Table 2", "locator: Table 2\n    reading:\n      rangeLower: \"1.0\"\n      reason: test"), "› reading.rangeLower", "reads a rangeLower that was not printed"],
  ])("rejects %s, naming file, record and field", (_what, effect, where, message) => {
    const dir = contentCopy();
    writeFileSync(path.join(dir, "studies", "test-study.yaml"), minimalStudy(effect));
    const r = loadContent(dir);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const lines = r.errors.map(formatContentError);
    const line = lines.find((l) => l.includes("studies/test-study.yaml"));
    expect(line, lines.join("\n")).toBeDefined();
    expect(line).toContain(where);
    expect(line).toContain(message);
  });

  it("rejects broken YAML and duplicate record ids", () => {
    const dir = contentCopy();
    writeFileSync(path.join(dir, "studies", "test-study.yaml"), minimalStudy(goodEffect + goodEffect));
    writeFileSync(path.join(dir, "studies", "broken.yaml"), "id: [unclosed");
    const r = loadContent(dir);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const text = r.errors.map(formatContentError).join("\n");
    expect(text).toContain('duplicate record id "os-hr"');
    expect(text).toMatch(/studies\/broken.yaml: not valid YAML/);
  });

  it("rejects a cycle in the molecular-group hierarchy, naming the codes in it", () => {
    const dir = contentCopy();
    const file = path.join(dir, "vocab", "molecular-groups.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace(/code: RAS\n  label: (.*)\n((?:  labelZh: .*\n)?)  parent: null/, "code: RAS\n  label: $1\n$2  parent: KRAS"));
    const r = loadContent(dir);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map(formatContentError).join("\n")).toMatch(/molecular-groups.yaml › .* › parent: parents form a cycle: (RAS → KRAS → RAS|KRAS → RAS → KRAS)/);
  });

  it("rejects a report that updates an unknown report", () => {
    const dir = contentCopy();
    writeFileSync(
      path.join(dir, "studies", "test-study.yaml"),
      minimalStudy(goodEffect).replace("design: retrospective-cohort", "reports:\n  - id: late\n    label: Later report\n    updates: nowhere\ndesign: retrospective-cohort"),
    );
    const r = loadContent(dir);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map(formatContentError).join("\n")).toContain('reports[0] (late) › updates: unknown report "nowhere"');
  });

  it("changes the version when any content file changes", () => {
    const dir = contentCopy();
    const before = loadContent(dir);
    const file = path.join(dir, "vocab", "designs.yaml");
    writeFileSync(file, readFileSync(file, "utf8") + "\n# edit\n");
    const after = loadContent(dir);
    expect(before.ok && after.ok && before.content.version !== after.content.version).toBe(true);
  });
});
