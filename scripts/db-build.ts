// npm run db:build — content/ -> data/evidence.db. Validates, computes, runs the integrity checks,
// writes a new database to a temporary file and moves it into place only when it is complete: a
// failed build leaves the previous database exactly as it was.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { formatContentError } from "../lib/content/load";
import { buildDatabaseFile } from "../lib/build/build-database";
import { databasePath } from "../lib/db/paths";
import { integrityReport } from "../lib/checks/report";
import { contentDir } from "../lib/env";

async function main() {
  const target = databasePath();
  const result = await buildDatabaseFile(contentDir(), target);
  if (!result.ok) {
    for (const e of result.errors) console.error(formatContentError(e));
    console.error(`\ndb:build refused: ${result.errors.length} content error(s); the database was not changed.`);
    process.exit(1);
  }
  const { dataset, times } = result;
  if (process.env.DB_BUILD_REPORT) {
    // For the benchmark (npm run bench): the phases' times and the build's peak memory.
    const report = { records: dataset.effects.length, studies: dataset.studies.length, ...times, peakRssKb: process.resourceUsage().maxRSS };
    console.log(`db:build report ${JSON.stringify(report)}`);
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
