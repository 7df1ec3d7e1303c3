// Summaries of Findings computed straight from content (tests, scripts): the same builder the app
// uses on the database.
import path from "node:path";
import { loadContent } from "../content/load";
import { buildDataset } from "../build/dataset";
import { poolingContext, studyFacts } from "../pooling/context";
import { summaryOfFindings, type SummaryOfFindings } from "./summary";

export function summariesFromContent(contentDir = path.join(process.cwd(), "content")): SummaryOfFindings[] {
  const loaded = loadContent(contentDir);
  if (!loaded.ok) throw new Error("content does not load: run npm run content:check");
  const { vocab, questions, riskOfBias } = loaded.content;
  const dataset = buildDataset(loaded.content);
  const labels = new Map([...vocab.molecularGroups, ...vocab.treatments, ...vocab.factors].map((x) => [x.code, x.label]));
  const endpointLabels = new Map(vocab.endpoints.map((e) => [e.code, e.label]));
  const ctx = {
    pooling: poolingContext({ treatments: vocab.treatments, groups: vocab.molecularGroups, sourceLevels: [...vocab.sourceLevels].sort((a, b) => a.rank - b.rank).map((l) => l.code) }),
    studies: studyFacts(dataset.studies),
    riskOfBias: new Map(riskOfBias.map((r) => [r.study, r])),
    records: dataset.effects,
    endpointLabel: (c: string) => endpointLabels.get(c) ?? c,
    groupLabel: (c: string) => labels.get(c) ?? c,
  };
  return questions.map((q) => summaryOfFindings(q, ctx));
}
