// The integrity list: the flags marked `listed` by the build (every flag once; of a pair of records
// that disagree, the more severe side), counted per check and severity, and a page of one check's
// flags at a time (errors, then warnings, then notes, by id).
import type { FlagRecord } from "../../domain/records";
import { prepared } from "../../db/sqlite";

/** A database file and the language of the page that reads it: flags' texts in Chinese for "zh", in English otherwise (/api, exports). */
export type Db = { file?: string; locale?: string };

/**
 * A flag's summary, message and consistent value in the reader's language: the build stores both
 * renderings (lib/checks/flag-text.ts), so a page only picks the columns.
 */
export function flagTextColumns(locale?: string, table = ""): string {
  const t = table ? `${table}.` : "";
  return locale === "zh" ? `${t}summaryZh AS summary, ${t}messageZh AS message, ${t}expectedZh AS expected` : `${t}summary, ${t}message, ${t}expected`;
}

export type IntegrityFlag = { id: number; code: string; severity: FlagRecord["severity"]; summary: string; message: string; studyId: string; studyShortName: string; effectId: string | null; locator: string | null; otherLocator: string | null; expected: string | null };

const severityOf = (s: string): FlagRecord["severity"] => (s === "error" || s === "warning" ? s : "note");
const RANK = "CASE f.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END";

/** Listed flags per check code and severity. */
export function flagCounts(db: Db = {}): { code: string; severity: FlagRecord["severity"]; n: number }[] {
  return (prepared("SELECT code, severity, count(*) AS n FROM Flag WHERE listed = 1 GROUP BY code, severity", db.file).all() as { code: string; severity: string; n: number }[]).map((r) => ({ ...r, severity: severityOf(r.severity) }));
}

/** A cursor into one check's list: the last flag shown (its severity rank and id). */
export type FlagCursor = { rank: number; id: number };

export function flagPage(code: string, page: { limit: number; after?: FlagCursor | null }, db: Db = {}): { data: IntegrityFlag[]; next: FlagCursor | null } {
  const after = page.after ?? { rank: -1, id: 0 };
  const rows = prepared(
    `SELECT f.id, f.code, f.severity, ${flagTextColumns(db.locale, "f")}, f.studyId, s.shortName AS studyShortName, f.effectId, f.locator, f.otherLocator, ${RANK} AS rank
     FROM Flag f JOIN Study s ON s.id = f.studyId
     WHERE f.listed = 1 AND f.code = ? AND (${RANK} > ? OR (${RANK} = ? AND f.id > ?))
     ORDER BY rank, f.id LIMIT ?`,
    db.file,
  ).all(code, after.rank, after.rank, after.id, page.limit + 1) as (Omit<IntegrityFlag, "severity"> & { severity: string; rank: number })[];
  const shown = rows.slice(0, page.limit);
  const last = shown[shown.length - 1];
  return {
    data: shown.map(({ rank: _rank, ...r }) => ({ ...r, severity: severityOf(r.severity) })),
    next: rows.length > page.limit && last ? { rank: last.rank, id: last.id } : null,
  };
}
