// The records behind a Summary-of-Findings row: the estimates pooled (or the one estimate), and
// where there is none, the in-scope records that report only a p-value, a direction or a
// difference. This is the evidence lib/grade/sof.ts rates risk of bias on; SofRow exposes
// includedIds but not the second set, so it is rebuilt here with the same rule (same comparison,
// either way round or narrower; the question's setting). evidence.test.ts checks the study count
// against SofRow.studies for every question, so the two cannot drift apart unnoticed.
import type { EffectRecord } from "@/lib/domain/records";
import type { QuestionContent } from "@/lib/content/schema";
import type { SofRow } from "@/lib/grade/sof";
import type { PoolingContext } from "@/lib/pooling/context";
import { RATIO_MEASURES, matchComparison } from "@/lib/pooling/select";

/** `records`: the row's candidates (SofRow.recordIds), in any order. */
export function evidenceRecords(q: QuestionContent, row: Pick<SofRow, "recordIds" | "includedIds">, records: EffectRecord[], pooling: PoolingContext): EffectRecord[] {
  const candidates = new Set(row.recordIds);
  const inRow = records.filter((e) => candidates.has(e.id));
  if (row.includedIds.length) {
    const included = new Set(row.includedIds);
    return inRow.filter((e) => included.has(e.id));
  }
  const comparison = { exposure: q.exposure, reference: q.reference };
  return inRow.filter(
    (e) =>
      (e.kind === "p-only" || e.kind === "direction" || (e.kind === "contrast" && !RATIO_MEASURES.has(e.measure ?? ""))) &&
      e.exposureGroup !== null &&
      e.referenceGroup !== null &&
      matchComparison(e.exposureGroup, e.referenceGroup, comparison, pooling) !== null &&
      (!q.setting || pooling.settingOf(e) === q.setting),
  );
}

/** Study ids in first-seen order. */
export function studiesOf(records: Pick<EffectRecord, "studyId">[]): string[] {
  return [...new Set(records.map((e) => e.studyId))];
}
