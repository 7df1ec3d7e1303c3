import type { PrismaClient } from "../generated/prisma/client";

import type { FlagRecord } from "../domain/records";

export type IntegrityFlag = { id: number; code: string; severity: FlagRecord["severity"]; summary: string; message: string; studyId: string; studyShortName: string; effectId: string | null; locator: string | null; otherLocator: string | null; expected: string | null };

/** Every flag once: a pair of records that disagree carries a flag on each side; show the more severe. */
export async function findIntegrityFlags(db: PrismaClient): Promise<IntegrityFlag[]> {
  const rows = await db.flag.findMany({ include: { study: { select: { shortName: true, sortOrder: true } } }, orderBy: [{ code: "asc" }, { id: "asc" }] });
  // Errors before warnings before notes, so that of a pair the side that matters is the one kept.
  const rank = { error: 0, warning: 1, note: 2 } as Record<string, number>;
  rows.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : (rank[a.severity] ?? 3) - (rank[b.severity] ?? 3) || a.id - b.id));
  const seen = new Set<string>();
  const out: IntegrityFlag[] = [];
  for (const r of rows) {
    if (r.effectId && r.otherEffectId) {
      const key = [r.code, ...[r.effectId, r.otherEffectId].sort()].join("|");
      if (seen.has(key)) continue;
      seen.add(key);
    }
    out.push({ id: r.id, code: r.code, severity: r.severity === "error" || r.severity === "warning" ? r.severity : "note", summary: r.summary, message: r.message, studyId: r.studyId, studyShortName: r.study.shortName, effectId: r.effectId, locator: r.locator, otherLocator: r.otherLocator, expected: r.expected });
  }
  return out;
}
