// Records that belong to one comparison (the same `comparison` id within a study and document):
// the arm figures and the contrast or p-value that compares them.
import type { EffectRecord } from "../domain/records";

const norm = (s: string | null) => (s ?? "").toLowerCase().replace(/[^a-z0-9]+/g, "");

/** Which arm record a contrast's exposure or reference names: by arm id, arm label or exposure text. */
export function armMatches(arm: EffectRecord, label: string | null): boolean {
  if (!label) return false;
  const l = norm(label);
  return [arm.groupKey, arm.group, arm.exposure].some((x) => x !== null && norm(x) === l);
}

export function comparisonKey(e: Pick<EffectRecord, "studyId" | "document" | "comparison">): string | null {
  return e.comparison ? `${e.studyId}§${e.document}§${e.comparison}` : null;
}

/** The printed records of each comparison. */
export function groupByComparison<T extends EffectRecord>(effects: T[]): T[][] {
  const groups = new Map<string, T[]>();
  for (const e of effects) {
    const key = comparisonKey(e);
    if (!key || e.computed) continue;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  return [...groups.values()];
}
