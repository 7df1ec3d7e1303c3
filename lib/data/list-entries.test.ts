// One list entry per estimate, on the curated content: a page's printings of one figure fold under the
// lead the charts choose, printings on other pages are read for the page, copies' flags stay on the
// entry, and exports stay one row per record with foldedInto.
import { beforeAll, describe, expect, it } from "vitest";
import Papa from "papaparse";
import { buildTestDatabase } from "../testing/build-test-db";
import { openDatabase } from "../db/open";
import { loadVocabulary, type AppVocabulary } from "./vocabulary";
import { browse } from "./browse";
import { csvParts, jsonParts } from "./export-stream";
import { datasetMeta, NO_FILTERS } from "./sql";
import type { PrismaClient } from "../generated/prisma/client";

let file: string;
let db: PrismaClient;
let vocab: AppVocabulary;
beforeAll(async () => {
  file = await buildTestDatabase();
  db = openDatabase(file);
  vocab = await loadVocabulary(db);
}, 120_000);

const view = (query: string) => browse(db, vocab, new URLSearchParams(query), undefined, { charts: false });
const entryOf = (v: Awaited<ReturnType<typeof view>>, id: string) => v.entries.find((e) => e.lead.id === id || e.copies.some((c) => c.effect.id === id));

describe("list entries", () => {
  it("CAIRO5's final report leads the OS figures its ESMO abstract printed first: one entry each, the abstract named as 'also printed in'", async () => {
    const v = await view("study=cairo5");
    expect(v.effects).toHaveLength(29);
    // Six OS figures are printed in both reports.
    expect(v.entries).toHaveLength(23);
    expect(v.folded).toBe(6);
    const armA = entryOf(v, "cairo5/os-lba27-arm-a")!;
    expect(armA.lead.id).toBe("cairo5/os-final-arm-a");
    expect(armA.copies.map((c) => [c.effect.id, c.onPage, c.differs])).toEqual([["cairo5/os-lba27-arm-a", true, false]]);
    expect(armA.alsoPrintedIn).toEqual(["Punt CJA et al., Ann Oncol 2023, ESMO 2023 abstract LBA27, Results (arms A vs B; median follow-up 57 months)"]);
    expect(armA.disagreements).toEqual([]);
    // The abstract's HR 0.92 beside the final 0.90: the same estimate updated, shown as a disagreement in the charts' words.
    const hr = entryOf(v, "cairo5/os-lba27-hr-ab")!;
    expect(hr.lead.id).toBe("cairo5/os-final-hr-ab");
    expect(hr.disagreements).toEqual(["earlier report, Punt CJA et al., Ann Oncol 2023, ESMO 2023 abstract LBA27, Results (arms A vs B; median follow-up 57 months): HR 0.92 (0.70–1.20), p=0.52"]);
    // Each record of the page is either an entry's lead or a printing folded under one, once.
    const shown = v.entries.flatMap((e) => [e.lead.id, ...e.copies.map((c) => c.effect.id)]);
    expect(new Set(shown)).toEqual(new Set(v.effects.map((e) => e.id)));
    expect(shown).toHaveLength(v.effects.length);
  });

  it("a printing whose lead is on another page folds under that lead, read for the page", async () => {
    // Page 1 of 5: the ESMO abstract's arms A and B and its HR, and the final report's arms A and B.
    const v = await view("study=cairo5&limit=5");
    expect(v.effects.map((e) => e.id)).toContain("cairo5/os-lba27-hr-ab");
    expect(v.effects.map((e) => e.id)).not.toContain("cairo5/os-final-hr-ab");
    const hr = entryOf(v, "cairo5/os-lba27-hr-ab")!;
    expect(hr.lead.id).toBe("cairo5/os-final-hr-ab");
    expect(hr.leadOffPage).toBe(true);
    expect(hr.copies).toMatchObject([{ effect: { id: "cairo5/os-lba27-hr-ab" }, onPage: true, differs: true }]);
    expect(v.entries).toHaveLength(3);
    expect(v.folded).toBe(3);
    // The same under a group and an endpoint filter (read through the group's join table): only printings the filters select.
    const wt = await view("endpoint=OS&group=RAS-wt&study=cairo5&limit=2");
    expect(wt.effects.map((e) => e.id)).toEqual(["cairo5/os-lba27-arm-c", "cairo5/os-lba27-arm-d"]);
    expect(wt.entries.map((e) => [e.lead.id, e.leadOffPage, e.copies.map((c) => c.effect.id)])).toEqual([
      ["cairo5/os-final-arm-c", true, ["cairo5/os-lba27-arm-c"]],
      ["cairo5/os-final-arm-d", true, ["cairo5/os-lba27-arm-d"]],
    ]);
  });

  it("a lead on this page names its printing on a later page (NCCH's median and Table 2's damaged print of it)", async () => {
    const v = await view("study=ncch-scp-2024");
    expect(v.effects.map((e) => e.id)).not.toContain("ncch-scp-2024/os-uv-ras-mt-table");
    const median = entryOf(v, "ncch-scp-2024/os-median-ras-mt")!;
    expect(median.lead.id).toBe("ncch-scp-2024/os-median-ras-mt");
    expect(median.leadOffPage).toBe(false);
    expect(median.copies).toMatchObject([{ effect: { id: "ncch-scp-2024/os-uv-ras-mt-table" }, onPage: false }]);
    expect(median.alsoPrintedIn).toEqual(["Table 2, univariate column (MST) (damaged print, read as the same figure)"]);
    // Only records of this page count as folded.
    expect(v.folded).toBe(v.entries.reduce((n, e) => n + e.copies.filter((c) => c.onPage).length, 0));
    expect(v.entries.length + v.folded).toBe(v.effects.length + v.entries.filter((e) => e.leadOffPage).length);
  });

  it("a copy's flag shows on its lead's entry (SYSU's text OR disagrees with its Table 3)", async () => {
    const v = await view("study=sysu-early-progression");
    const or = entryOf(v, "sysu-early-progression/uv-ras-text")!;
    expect(or.lead.id).toBe("sysu-early-progression/t3-uv-ras");
    expect(or.copyFlag).toBe("error");
    expect(or.copies[0]!.effect.flags.some((f) => f.severity === "error")).toBe(true);
    expect(or.disagreements).toEqual(["Results, paragraph 'Association of RAS status with disease early progression' prints OR 2.057 (1.045–4.015), p=0.035"]);
  });
});

describe("exports stay one row per record", () => {
  it("a folded printing names its lead in foldedInto (CSV and JSON), whichever batch each is in", () => {
    const study = { filters: { ...NO_FILTERS, study: ["cairo5"] }, freeText: [] as string[], order: "browse" as const, batch: 4 };
    const rows = Papa.parse<Record<string, string>>([...csvParts(study, { file })].join(""), { header: true }).data;
    expect(rows).toHaveLength(29);
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get("cairo5/os-lba27-arm-a")!.foldedInto).toBe("cairo5/os-final-arm-a");
    expect(byId.get("cairo5/os-lba27-hr-ab")!.foldedInto).toBe("cairo5/os-final-hr-ab");
    expect(byId.get("cairo5/os-final-arm-a")!.foldedInto).toBe("");
    expect(rows.filter((r) => r.foldedInto)).toHaveLength(6);
    const json = JSON.parse([...jsonParts(datasetMeta(file), "study=cairo5", study, { file })].join("")) as { effects: { id: string; foldedInto?: string }[] };
    expect(json.effects.find((e) => e.id === "cairo5/os-lba27-hr-cd")?.foldedInto).toBe("cairo5/os-final-hr-cd");
    expect(json.effects.find((e) => e.id === "cairo5/os-final-hr-cd")?.foldedInto).toBeUndefined();
  });
});
