// Which arm record a contrast's exposure or reference names: by arm id, arm label or exposure text.
import type { EffectRecord } from "../domain/records";

const norm = (s: string | null) => (s ?? "").toLowerCase().replace(/[^a-z0-9]+/g, "");

export function armMatches(arm: EffectRecord, label: string | null): boolean {
  if (!label) return false;
  const l = norm(label);
  return [arm.groupKey, arm.group, arm.exposure].some((x) => x !== null && norm(x) === l);
}
