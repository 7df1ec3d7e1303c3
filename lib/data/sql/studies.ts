// Studies on the read path: by id (any number, bound as one JSON array), or a page at a time in the
// dataset's order (Study.sortOrder, keyed), each with its arms, study-level flags and record count.
import type { StudyRecord } from "../../domain/records";
import { toStudyRecord, type StudyRow } from "../to-record";
import { prepared } from "../../db/sqlite";

import { flagTextColumns, type Db } from "./flags";
type FlatStudy = Omit<StudyRow, "designInfo" | "arms" | "flags" | "_count" | "authorsComplete"> & { authorsComplete: number; designLabel: string; sortOrder: number };

const STUDY_SELECT = `SELECT s.id, s.shortName, s.title, s.authors, s.authorsComplete, s.journal, s.year, s.volume, s.issue, s.pages, s.doi, s.pmid, s.url,
s.citationNote, s.reports, s.design, s.setting, s.centres, s.country, s.enrolment, s.n, s.codonsTested, s.followUp, s.sourceLevel, s.sourceLevels,
s.notes, s.sortOrder, d.label AS designLabel FROM Study s JOIN Design d ON d.code = s.design`;

function withDetails(rows: FlatStudy[], db: Db): StudyRecord[] {
  if (rows.length === 0) return [];
  const ids = JSON.stringify(rows.map((s) => s.id));
  const arms = new Map<string, StudyRow["arms"]>();
  for (const a of prepared("SELECT studyId, armKey, label, n, molecularGroup, treatment FROM Arm WHERE studyId IN (SELECT value FROM json_each(?)) ORDER BY studyId, sortOrder", db.file).all(ids) as (StudyRow["arms"][number] & { studyId: string })[]) {
    const { studyId, ...arm } = a;
    arms.set(studyId, [...(arms.get(studyId) ?? []), arm]);
  }
  // Study-level flags only: a record's flags travel with the record (toStudyRecord keeps these alone).
  const flags = new Map<string, StudyRow["flags"]>();
  for (const f of prepared(
    `SELECT studyId, effectId, code, severity, ${flagTextColumns(db.locale)}, locator, otherEffectId, otherLocator FROM Flag WHERE studyId IN (SELECT value FROM json_each(?)) AND effectId IS NULL ORDER BY id`,
    db.file,
  ).all(ids) as (StudyRow["flags"][number] & { studyId: string })[]) {
    const { studyId, ...flag } = f;
    flags.set(studyId, [...(flags.get(studyId) ?? []), flag]);
  }
  const counts = new Map(
    (prepared("SELECT studyId, count(*) AS n FROM Effect WHERE studyId IN (SELECT value FROM json_each(?)) GROUP BY studyId", db.file).all(ids) as { studyId: string; n: number }[]).map((r) => [r.studyId, r.n]),
  );
  return rows.map((s) =>
    toStudyRecord({
      ...s,
      authorsComplete: s.authorsComplete === 1,
      designInfo: { label: s.designLabel },
      arms: arms.get(s.id) ?? [],
      flags: flags.get(s.id) ?? [],
      _count: { effects: counts.get(s.id) ?? 0 },
    }),
  );
}

/** The studies with these ids, in the dataset's order. */
export function studiesById(ids: readonly string[], db: Db = {}): StudyRecord[] {
  if (ids.length === 0) return [];
  const rows = prepared(`${STUDY_SELECT} WHERE s.id IN (SELECT value FROM json_each(?)) ORDER BY s.sortOrder`, db.file).all(JSON.stringify([...new Set(ids)])) as FlatStudy[];
  return withDetails(rows, db);
}

export type StudyPage = { data: (StudyRecord & { sortOrder: number })[]; count: number; next: number | null; previous: number | null; first: number };

/** A page of studies in the dataset's order, after or before a study's place (sortOrder). */
export function studyPage(page: { limit: number; after?: number | null; before?: number | null }, db: Db = {}): StudyPage {
  const count = (prepared("SELECT count(*) AS n FROM Study", db.file).get() as { n: number }).n;
  let rows: FlatStudy[];
  if (page.before != null) rows = (prepared(`${STUDY_SELECT} WHERE s.sortOrder < ? ORDER BY s.sortOrder DESC LIMIT ?`, db.file).all(page.before, page.limit) as FlatStudy[]).reverse();
  else rows = prepared(`${STUDY_SELECT} WHERE s.sortOrder > ? ORDER BY s.sortOrder LIMIT ?`, db.file).all(page.after ?? -1, page.limit) as FlatStudy[];
  const records = withDetails(rows, db).map((s, i) => ({ ...s, sortOrder: rows[i]!.sortOrder }));
  const firstKey = rows[0]?.sortOrder;
  const lastKey = rows[rows.length - 1]?.sortOrder;
  const before = firstKey === undefined ? 0 : (prepared("SELECT count(*) AS n FROM Study WHERE sortOrder < ?", db.file).get(firstKey) as { n: number }).n;
  return {
    data: records,
    count,
    next: lastKey !== undefined && before + rows.length < count ? lastKey : null,
    previous: firstKey !== undefined && before > 0 ? firstKey : null,
    first: before,
  };
}

/** Every study, a batch at a time (exports): memory stays one batch. */
export function* studyBatches(size = 500, db: Db = {}): Generator<StudyRecord[]> {
  let after = -1;
  for (;;) {
    const rows = prepared(`${STUDY_SELECT} WHERE s.sortOrder > ? ORDER BY s.sortOrder LIMIT ?`, db.file).all(after, size) as FlatStudy[];
    if (rows.length === 0) return;
    yield withDetails(rows, db);
    after = rows[rows.length - 1]!.sortOrder;
    if (rows.length < size) return;
  }
}
