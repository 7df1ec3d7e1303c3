// The project's pooled views computed from the content, for the metafor comparison (tests and
// scripts/metafor/views-input.ts): each view's log-scale inputs and this project's answers.
import path from "node:path";
import { loadContent } from "../content/load";
import { buildDataset } from "../build/dataset";
import { poolRecords, type PoolOptions, type PoolResult } from "./pool";
import { poolingContext, studyFacts } from "./context";
import { PROJECT_VIEWS } from "./views";

export type ViewInput = { name: string; ids: string[]; yi: number[]; vi: number[] };

const DEFAULTS: PoolOptions = { method: "REML", ci: "hksj", analysis: null, comparison: null, by: null };

export function poolProjectViews(contentDir = path.join(process.cwd(), "content"), overrides: Partial<PoolOptions> = {}): { name: string; question: string; result: PoolResult }[] {
  const loaded = loadContent(contentDir);
  if (!loaded.ok) throw new Error("content does not load: run npm run content:check");
  const { vocab } = loaded.content;
  const dataset = buildDataset(loaded.content);
  const context = poolingContext({ treatments: vocab.treatments, groups: vocab.molecularGroups, sourceLevels: [...vocab.sourceLevels].sort((a, b) => a.rank - b.rank).map((l) => l.code) });
  const facts = studyFacts(dataset.studies);
  return PROJECT_VIEWS.map((v) => ({ name: v.name, question: v.question, result: poolRecords(dataset.effects.filter(v.select), facts, { ...DEFAULTS, ...v.options, ...overrides }, context) }));
}

/** The log-scale inputs of every view that pools (k >= 2), as entered into the model. */
export function viewInputs(contentDir?: string): ViewInput[] {
  const dataset = poolProjectViews(contentDir);
  return dataset
    .filter((v) => v.result.k >= 2)
    .map((v) => ({
      name: v.name,
      ids: v.result.rows.map((r) => r.id),
      yi: v.result.rows.map((r) => Math.log(r.estimate)),
      vi: v.result.rows.map((r) => ((Math.log(r.ciUpper) - Math.log(r.ciLower)) / (2 * 1.959963984540054)) ** 2),
    }));
}
