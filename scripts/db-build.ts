// npm run db:build — content/ -> data/evidence.db. Validates, computes, runs the integrity checks,
// writes a new database to a temporary file and moves it into place only when it is complete: a
// failed build leaves the previous database exactly as it was.
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { loadContent, formatContentError } from "../lib/content/load";
import { buildDataset } from "../lib/build/dataset";
import { writeDatabase } from "../lib/db/write";
import { databasePath } from "../lib/db/paths";
import { integrityReport } from "../lib/checks/report";

async function main() {
  const contentDir = process.env.EVIDENCE_CONTENT ?? path.join(process.cwd(), "content");
  const result = loadContent(contentDir);
  if (!result.ok) {
    for (const e of result.errors) console.error(formatContentError(e));
    console.error(`\ndb:build refused: ${result.errors.length} content error(s); the database was not changed.`);
    process.exit(1);
  }
  const dataset = buildDataset(result.content);
  const target = databasePath();
  mkdirSync(path.dirname(target), { recursive: true });
  const tmp = `${target}.tmp-${process.pid}`;
  rmSync(tmp, { force: true });
  try {
    await writeDatabase(tmp, result.content, dataset);
    renameSync(tmp, target); // atomic on one file system
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
  const report = integrityReport(dataset);
  const reportFile = path.join(path.dirname(target), "integrity-report.txt");
  writeFileSync(reportFile, report);
  const computed = dataset.effects.filter((e) => e.computed).length;
  console.log(
    `db:build ok: ${dataset.studies.length} studies, ${dataset.effects.length - computed} printed + ${computed} computed records, ${dataset.checkFlags.length} integrity flags -> ${path.relative(process.cwd(), target)} (version ${dataset.version})`,
  );
  console.log(`integrity report: ${path.relative(process.cwd(), reportFile)}${process.env.VERBOSE ? "\n" + report : ""}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
