// The DOCX opens as a Word table: unzip it and read the table back.
import { describe, expect, it } from "vitest";
import JSZip from "jszip";
import { sofToDocx, SOF_HEADERS } from "./docx";
import { summariesFromContent } from "./from-content";
import { sofToCsv } from "./export";
import Papa from "papaparse";

const sof = summariesFromContent().find((s) => s.question.id === "ras-unresectable")!;

describe("Summary of Findings exports", () => {
  it("DOCX: a Word document whose first table has the SoF header and one row per outcome", async () => {
    const buffer = await sofToDocx(sof, { version: "test" });
    const zip = await JSZip.loadAsync(buffer);
    const xml = await zip.file("word/document.xml")!.async("string");
    const tables = xml.split("<w:tbl>").slice(1);
    expect(tables.length).toBeGreaterThanOrEqual(1 + sof.rows.length);
    const rows = tables[0]!.split("<w:tr>").slice(1).map((tr) => tr.split("<w:tc>").slice(1).map((tc) => [...tc.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(" ")));
    expect(rows[0]).toEqual([...SOF_HEADERS]);
    expect(rows).toHaveLength(1 + sof.rows.length);
    expect(rows[1]![0]).toBe("Early progression (≤ 6 months) (critical)");
    expect(rows[1]![2]).toContain("OR 2.96");
    expect(rows[1]![4]).toContain("Low");
    expect(xml).toContain("landscape");
  });
  it("CSV: one row per outcome, every domain with its reason", () => {
    const parsed = Papa.parse<Record<string, string>>(sofToCsv(sof), { header: true });
    expect(parsed.data).toHaveLength(sof.rows.length);
    expect(parsed.data[0]).toMatchObject({ outcome: "Early progression (≤ 6 months)", certainty: "low" });
    expect(parsed.data[0]!.riskOfBiasReason).toContain("high risk");
  });
});
