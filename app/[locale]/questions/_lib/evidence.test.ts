// The evidence the page lists per row is the evidence lib/grade rates: same studies, every question.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "@/lib/content/load";
import { buildDataset } from "@/lib/build/dataset";
import { poolingContext } from "@/lib/pooling/context";
import { summariesFromContent } from "@/lib/grade/from-content";
import { evidenceRecords, studiesOf } from "./evidence";

const loaded = loadContent(path.join(process.cwd(), "content"));
if (!loaded.ok) throw new Error("content does not load");
const { vocab } = loaded.content;
const records = buildDataset(loaded.content).effects;
const pooling = poolingContext({ treatments: vocab.treatments, groups: vocab.molecularGroups, sourceLevels: [...vocab.sourceLevels].sort((a, b) => a.rank - b.rank).map((l) => l.code) });
const summaries = summariesFromContent();

describe("evidence behind a Summary-of-Findings row", () => {
  it("names as many studies as the row counts, for every outcome of every question", () => {
    for (const s of summaries)
      for (const r of s.rows) expect(studiesOf(evidenceRecords(s.question, r, records, pooling)).length, `${s.question.id}/${r.outcome}`).toBe(r.studies);
  });

  it("uses the pooled estimate where there is one, and only p-values or directions where there is none", () => {
    const ras = summaries.find((s) => s.question.id === "ras-unresectable")!;
    const early = ras.rows.find((r) => r.outcome === "early-progression")!;
    expect(evidenceRecords(ras.question, early, records, pooling).map((e) => e.id)).toEqual(["sysu-early-progression/t3-mv-ras"]);
    const conversion = ras.rows.find((r) => r.outcome === "conversion")!;
    const used = evidenceRecords(ras.question, conversion, records, pooling);
    expect(studiesOf(used)).toEqual(["sysu-early-progression"]);
    expect(used.every((e) => e.kind === "p-only" || e.kind === "direction")).toBe(true);
  });
});
