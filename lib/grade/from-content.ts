// Summaries of Findings computed straight from content (tests, scripts): the same builder the app
// uses on the database.
import path from "node:path";
import { loadContent } from "../content/load";
import { buildDataset } from "../build/dataset";
import { poolingContext, studyFacts } from "../pooling/context";
import { summaryOfFindings, type SummaryOfFindings } from "./summary";

/** `locale` "zh": the vocabularies' Chinese labels and the rows' Chinese text, as the app builds them on /zh. */
export function summariesFromContent(contentDir = path.join(process.cwd(), "content"), locale: "en" | "zh" = "en"): SummaryOfFindings[] {
  const loaded = loadContent(contentDir);
  if (!loaded.ok) throw new Error("content does not load: run npm run content:check");
  const { vocab, questions, riskOfBias } = loaded.content;
  const dataset = buildDataset(loaded.content);
  const labelOf = (x: { label: string; labelZh?: string | null | undefined }) => (locale === "zh" ? (x.labelZh ?? x.label) : x.label);
  const labels = new Map([...vocab.molecularGroups, ...vocab.treatments, ...vocab.factors].map((x) => [x.code, labelOf(x)]));
  const endpointLabels = new Map(vocab.endpoints.map((e) => [e.code, labelOf(e)]));
  const ctx = {
    pooling: poolingContext({ treatments: vocab.treatments, groups: vocab.molecularGroups, sourceLevels: [...vocab.sourceLevels].sort((a, b) => a.rank - b.rank).map((l) => l.code) }),
    studies: studyFacts(dataset.studies),
    riskOfBias: new Map(riskOfBias.map((r) => [r.study, r])),
    records: dataset.effects,
    endpointLabel: (c: string) => endpointLabels.get(c) ?? c,
    groupLabel: (c: string) => labels.get(c) ?? c,
    ...(locale === "zh" ? { locale: "zh" as const } : {}),
  };
  return questions.map((q) => summaryOfFindings(q, ctx));
}
