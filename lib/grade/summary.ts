// A question's Summary of Findings: one row per outcome, critical outcomes first.
import type { QuestionContent } from "../content/schema";
import { buildSofRow, type SofContext, type SofRow } from "./sof";

export type SummaryOfFindings = {
  question: QuestionContent;
  exposureLabel: string;
  referenceLabel: string;
  rows: SofRow[];
};

export function summaryOfFindings(q: QuestionContent, ctx: SofContext): SummaryOfFindings {
  // Critical outcomes first, as GRADE's tables list them; otherwise the question's order.
  const rows = q.outcomes.map((o) => buildSofRow(q, o, ctx)).sort((a, b) => Number(a.importance !== "critical") - Number(b.importance !== "critical"));
  return { question: q, exposureLabel: ctx.groupLabel(q.exposure), referenceLabel: ctx.groupLabel(q.reference), rows };
}
