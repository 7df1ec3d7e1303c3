// Exports written in parts give the same files as the whole dataset written at once.
import { beforeAll, describe, expect, it } from "vitest";
import Papa from "papaparse";
import { buildTestDatabase } from "../testing/build-test-db";
import { openDatabase } from "../db/open";
import { exportDataset, effectsToCsv } from "./export-dataset";
import { csvParts, jsonParts, streamOf } from "./export-stream";
import { datasetMeta, NO_FILTERS } from "./sql";

let file: string;
beforeAll(async () => {
  file = await buildTestDatabase();
}, 120_000);

// Batches of 97 records: the parts join across many batch boundaries.
const whole = { filters: NO_FILTERS, freeText: [] as string[], order: "dataset" as const, batch: 97 };

describe("exports written a batch at a time", () => {
  it("CSV in parts is the CSV of the whole dataset", async () => {
    const dataset = await exportDataset(openDatabase(file));
    expect(dataset.effects.length).toBeGreaterThan(5 * whole.batch);
    expect([...csvParts(whole, { file })].join("")).toBe(effectsToCsv(dataset.effects, dataset.studies));
  });

  it("CSV in parts keeps every record's study when the studies kept between batches are emptied", async () => {
    // At 200,000 records the CSV empties its studies every 5,000; a study whose records span two
    // batches once lost its citation, DOI, PMID and N on the second batch's rows.
    const dataset = await exportDataset(openDatabase(file));
    expect([...csvParts({ ...whole, studiesKept: 3 }, { file })].join("")).toBe(effectsToCsv(dataset.effects, dataset.studies));
  });

  it("JSON in parts is JSON.stringify of the whole dataset", async () => {
    const dataset = await exportDataset(openDatabase(file));
    expect([...jsonParts(datasetMeta(file), null, whole, { file })].join("")).toBe(JSON.stringify(dataset, null, 2));
  });

  it("a view's JSON parses, with the view's studies and records only", () => {
    const view = { filters: { ...NO_FILTERS, study: ["become"] }, freeText: [] as string[], order: "browse" as const };
    const parsed = JSON.parse([...jsonParts(datasetMeta(file), "study=become", view, { file })].join("")) as { query: string; studies: { id: string }[]; effects: { studyId: string }[] };
    expect(parsed.query).toBe("study=become");
    expect(parsed.studies.map((s) => s.id)).toEqual(["become"]);
    expect(parsed.effects.length).toBeGreaterThan(0);
    expect(new Set(parsed.effects.map((e) => e.studyId))).toEqual(new Set(["become"]));
  });

  it("an empty view is valid JSON and a CSV with its header", () => {
    const view = { filters: NO_FILTERS, freeText: ["zzzznotaword"], order: "browse" as const };
    expect(JSON.parse([...jsonParts(datasetMeta(file), "q=zzzznotaword", view, { file })].join(""))).toMatchObject({ studies: [], effects: [] });
    expect(Papa.parse([...csvParts(view, { file })].join("")).data).toHaveLength(1);
  });

  it("a view that selects one arm exports the comparison whole, comparators marked, with the study's N", () => {
    const view = { filters: { ...NO_FILTERS, treatment: ["HAI-FUDR"], group: ["KRAS"] }, freeText: [] as string[], order: "browse" as const, batch: 7 };
    const rows = Papa.parse<Record<string, string>>([...csvParts(view, { file })].join(""), { header: true }).data;
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get("spectrum-hai-2022/orr-kras")).toMatchObject({ shownAs: "match", events: "7", total: "11" });
    expect(byId.get("spectrum-hai-2022/orr-wt")).toMatchObject({ shownAs: "comparator", events: "13", total: "13" });
    // Each comparator once, however many batches its comparison spans.
    expect(rows.length).toBe(byId.size);
    const json = JSON.parse([...jsonParts(datasetMeta(file), "treatment=HAI-FUDR&group=KRAS", view, { file })].join("")) as { effects: { id: string; comparator?: boolean }[] };
    expect(json.effects.find((e) => e.id === "spectrum-hai-2022/orr-wt")?.comparator).toBe(true);
    expect(json.effects.find((e) => e.id === "spectrum-hai-2022/orr-kras")?.comparator).toBeUndefined();
    const ncch = Papa.parse<Record<string, string>>([...csvParts({ ...view, filters: { ...NO_FILTERS, study: ["ncch-scp-2024"] } }, { file })].join(""), { header: true }).data;
    expect(ncch.every((r) => r.studyN === "150")).toBe(true);
  });

  it("streams as bytes that decode to the same text", async () => {
    const text = await new Response(streamOf(csvParts(whole, { file }))).text();
    expect(text).toBe([...csvParts(whole, { file })].join(""));
  });
});
