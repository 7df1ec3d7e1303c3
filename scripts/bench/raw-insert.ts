// The benchmark's baseline for the database writer: the same rows (lib/db/rows.ts) into the same
// tables (prisma/migrations), inserted with one prepared better-sqlite3 statement per table, one row
// per call, in a single transaction, then the same SQL after the rows (FTS index, ANALYZE).
import Database from "better-sqlite3";
import type { ContentSet } from "../../lib/content/load";
import type { BuiltDataset } from "../../lib/build/dataset";
import { applyMigrations } from "../../lib/db/write";
import { AFTER_ROWS_SQL, databaseRows, sqlValue, tableBatches } from "../../lib/db/rows";

export function rawInsert(file: string, content: ContentSet, dataset: BuiltDataset): void {
  applyMigrations(file);
  const db = new Database(file);
  try {
    db.pragma("journal_mode = OFF");
    db.pragma("synchronous = OFF");
    const rows = databaseRows(content, dataset);
    const statements = new Map<string, Database.Statement>();
    db.transaction(() => {
      for (const { table, rows: batch } of tableBatches(rows, () => 1000)) {
        const columns = Object.keys(batch[0]!);
        const key = `${table}(${columns.join(",")})`;
        let statement = statements.get(key);
        if (!statement) {
          statement = db.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(",")}) VALUES (${columns.map(() => "?").join(",")})`);
          statements.set(key, statement);
        }
        for (const r of batch) statement.run(columns.map((c) => sqlValue(r[c])));
      }
    })();
    for (const sql of AFTER_ROWS_SQL) db.exec(sql);
  } finally {
    db.close();
  }
}
