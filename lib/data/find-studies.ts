import type { PrismaClient } from "../generated/prisma/client";
import type { StudyRecord, EffectRecord } from "../domain/records";
import { databaseFileOf } from "../db/open";
import { effectsOfStudy, studiesById, studyBatches, studyPage, type StudyPage } from "./sql";

/** Studies by id (any number: bound as one value), or every study (read in batches). */
export async function findStudies(db: PrismaClient, ids?: string[]): Promise<StudyRecord[]> {
  const file = databaseFileOf(db);
  if (ids) return studiesById(ids, { file });
  const out: StudyRecord[] = [];
  for (const batch of studyBatches(500, { file })) out.push(...batch);
  return out;
}

/** A page of studies in the dataset's order, by key (a study's place, from a previous page's next / previous). */
export async function findStudyPage(db: PrismaClient, page: { limit: number; after?: number | null; before?: number | null }): Promise<StudyPage> {
  return studyPage(page, { file: databaseFileOf(db) });
}

/** A study with its records; flags' texts in `locale` (a page's language). */
export async function findStudy(db: PrismaClient, id: string, locale?: string): Promise<(StudyRecord & { effects: EffectRecord[] }) | null> {
  const at = { file: databaseFileOf(db), locale };
  const [study] = studiesById([id], at);
  if (!study) return null;
  return { ...study, effects: effectsOfStudy(id, at) };
}
