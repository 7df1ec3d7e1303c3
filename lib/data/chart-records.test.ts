// One chart row per estimate, on the curated content: printings of one figure fold under the best
// drawable source with where else it is printed and where a printing disagrees; rows carry the
// study's N and the analysis with its covariates; forest plots sort on the server.
import { beforeAll, describe, expect, it } from "vitest";
import { buildTestDatabase } from "../testing/build-test-db";
import { openDatabase } from "../db/open";
import { loadVocabulary, type AppVocabulary } from "./vocabulary";
import { browse } from "./browse";
import type { PrismaClient } from "../generated/prisma/client";

let db: PrismaClient;
let vocab: AppVocabulary;
beforeAll(async () => {
  db = openDatabase(await buildTestDatabase());
  vocab = await loadVocabulary(db);
}, 120_000);

const view = (query: string) => browse(db, vocab, new URLSearchParams(query));

describe("chart rows", () => {
  it("NCCH's text and table printings of the CRLM-size HR are one row, led by the readable one, the table's damaged '248' named as a printing of it", async () => {
    const v = await view("study=ncch-scp-2024&endpoint=OS&measure=HR");
    const rows = v.forest.flatMap((g) => g.rows);
    expect(rows.filter((r) => r.id.includes("os-mv-crlm-size"))).toHaveLength(1);
    const row = rows.find((r) => r.id === "ncch-scp-2024/os-mv-crlm-size-text")!;
    expect(row.valueText).toBe("2.48");
    expect(row.alsoPrintedIn).toEqual(["Table 2, multivariate column (damaged print, read as the same figure)"]);
    expect(row.disagreements).toEqual([]);
  });

  it("a printing with another figure is shown as a disagreement on the lead's row (CAIRO5's final HR beside its LBA27 report)", async () => {
    const v = await view("study=cairo5&endpoint=OS&measure=HR");
    const rows = v.forest.flatMap((g) => g.rows);
    const ab = rows.filter((r) => r.id === "cairo5/os-final-hr-ab" || r.id === "cairo5/os-lba27-hr-ab");
    expect(ab).toHaveLength(1);
    expect(ab[0]!.disagreements.join(" ")).toMatch(/HR 0\.9[02]/);
  });

  it("the NCCH adjusted HR for RAS carries N 150 and its four covariates", async () => {
    const v = await view("study=ncch-scp-2024&endpoint=OS&measure=HR");
    const row = v.forest.flatMap((g) => g.rows).find((r) => r.id === "ncch-scp-2024/os-mv-ras")!;
    expect(row.n).toBe(150);
    expect(row.analysisDetail).toBe("multivariable, adjusted for RAS status, Primary tumour side, CRLM size > 5 cm, CA19-9 > 100 U/mL");
    expect(row.label).toContain("N 150");
    expect(row.label).toContain("CA19-9 > 100 U/mL");
  });

  it("a review's copies of BECOME's medians fold into the trial's own rows", async () => {
    const v = await view("study=become&endpoint=OS");
    const points = v.arms.flatMap((g) => g.points);
    expect(points.map((p) => p.id)).not.toContain("become/rev-os-arm-a");
    const armA = points.find((p) => p.id === "become/os-arm-a")!;
    expect(armA.alsoPrintedIn).toHaveLength(1);
    expect(armA.disagreements).toEqual([]);
  });

  it("a RAS filter on OS after hepatectomy charts both medians, the wild-type one as the comparator", async () => {
    const v = await view("endpoint=OS&treatment=hepatectomy&group=RAS");
    const points = v.arms.flatMap((g) => g.points);
    expect(points.find((p) => p.id === "ncch-scp-2024/os-median-ras-mt")).toMatchObject({ valueText: "44.03", comparator: false });
    expect(points.find((p) => p.id === "ncch-scp-2024/os-median-ras-wt")).toMatchObject({ valueText: "70.03", comparator: true });
    expect(points.find((p) => p.id === "mdacc-kras-codon-524/pa-os-ras-wt")).toMatchObject({ valueText: "72.6", comparator: true });
    expect(v.comparators.count).toBeGreaterThanOrEqual(2);
    expect(v.effects.filter((e) => e.comparator).map((e) => e.id)).toEqual(expect.arrayContaining(["ncch-scp-2024/os-median-ras-wt", "mdacc-kras-codon-524/pa-os-ras-wt"]));
  });

  it("forest plots sort by estimate, N and year on the server", async () => {
    const byEstimate = (await view("endpoint=OS&measure=HR&sort=estimate")).forest.flatMap((g) => g.rows.map((r) => r.value));
    expect(byEstimate.length).toBeGreaterThan(3);
    const groups = (await view("endpoint=OS&measure=HR&sort=estimate")).forest;
    for (const g of groups) expect(g.rows.map((r) => r.value)).toEqual([...g.rows.map((r) => r.value)].sort((a, b) => a - b));
    for (const g of (await view("endpoint=OS&measure=HR&sort=n")).forest) {
      const ns = g.rows.map((r) => r.n).filter((n): n is number => n !== null);
      expect(ns).toEqual([...ns].sort((a, b) => b - a));
    }
    const bad = await view("endpoint=OS&sort=weight");
    expect(bad.sort).toBeNull();
    expect(bad.ignored.map((i) => i.parameter).join(" ")).toContain("sort");
  });
});
