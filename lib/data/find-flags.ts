import type { PrismaClient } from "../generated/prisma/client";

export type IntegrityFlag = { id: number; code: string; severity: string; message: string; studyId: string; studyShortName: string; effectId: string | null; locator: string | null; otherLocator: string | null; expected: string | null };

/** Every flag once: a pair of records that disagree carries a flag on each side; show one. */
export async function findIntegrityFlags(db: PrismaClient): Promise<IntegrityFlag[]> {
  const rows = await db.flag.findMany({ include: { study: { select: { shortName: true, sortOrder: true } } }, orderBy: [{ code: "asc" }, { id: "asc" }] });
  const seen = new Set<string>();
  const out: IntegrityFlag[] = [];
  for (const r of rows) {
    if (r.effectId && r.otherEffectId) {
      const key = [r.code, ...[r.effectId, r.otherEffectId].sort()].join("|");
      if (seen.has(key)) continue;
      seen.add(key);
    }
    out.push({ id: r.id, code: r.code, severity: r.severity, message: r.message, studyId: r.studyId, studyShortName: r.study.shortName, effectId: r.effectId, locator: r.locator, otherLocator: r.otherLocator, expected: r.expected });
  }
  return out;
}
