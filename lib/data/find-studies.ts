import type { PrismaClient } from "../generated/prisma/client";
import type { StudyRecord, EffectRecord } from "../domain/records";
import { STUDY_INCLUDE, toStudyRecord, EFFECT_INCLUDE, toEffectRecord } from "./to-record";

export async function findStudies(db: PrismaClient, ids?: string[]): Promise<StudyRecord[]> {
  const rows = await db.study.findMany({ where: ids ? { id: { in: ids } } : {}, include: STUDY_INCLUDE, orderBy: { sortOrder: "asc" } });
  return rows.map(toStudyRecord);
}

export async function findStudy(db: PrismaClient, id: string): Promise<(StudyRecord & { effects: EffectRecord[] }) | null> {
  const row = await db.study.findUnique({ where: { id }, include: STUDY_INCLUDE });
  if (!row) return null;
  const effects = await db.effect.findMany({ where: { studyId: id }, include: EFFECT_INCLUDE, orderBy: { sortOrder: "asc" } });
  return { ...toStudyRecord(row), effects: effects.map(toEffectRecord) };
}
