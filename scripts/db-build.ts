// npm run db:build — content/ -> data/evidence.db. Validates, computes, runs the integrity checks,
// writes a new database to a temporary file and moves it into place only when it is complete: a
// failed build leaves the previous database exactly as it was.
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { loadContent, formatContentError } from "../lib/content/load";
import { buildDataset } from "../lib/build/dataset";
import { writeDatabase } from "../lib/db/write";
import { databasePath } from "../lib/db/paths";
import { integrityReport } from "../lib/checks/report";
import { contentDir } from "../lib/env";

/** Whether a process id is alive: a temporary file of a live build is not stale. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Temporary files that interrupted builds left behind (killed before their own clean-up ran). */
function removeStaleTemporaries(target: string) {
  const dir = path.dirname(target);
  const prefix = `${path.basename(target)}.tmp-`;
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length).split("-")[0]);
    if (!Number.isInteger(pid) || !alive(pid) || pid === process.pid) rmSync(path.join(dir, name), { force: true });
  }
}

async function main() {
  const started = performance.now();
  const result = loadContent(contentDir());
  const loaded = performance.now();
  if (!result.ok) {
    for (const e of result.errors) console.error(formatContentError(e));
    console.error(`\ndb:build refused: ${result.errors.length} content error(s); the database was not changed.`);
    process.exit(1);
  }
  const dataset = buildDataset(result.content);
  const built = performance.now();
  const target = databasePath();
  mkdirSync(path.dirname(target), { recursive: true });
  removeStaleTemporaries(target);
  const tmp = `${target}.tmp-${process.pid}`;
  rmSync(tmp, { force: true });
  // An interrupted build (Ctrl-C, a CI time-out) removes its temporary file before it exits.
  const onSignal = (signal: NodeJS.Signals) => {
    rmSync(tmp, { force: true });
    rmSync(`${tmp}-journal`, { force: true });
    process.exit(signal === "SIGINT" ? 130 : 143);
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    await writeDatabase(tmp, result.content, dataset);
    renameSync(tmp, target); // atomic on one file system
    if (process.env.DB_BUILD_REPORT) {
      // For the benchmark (npm run bench): the phases' times and the build's peak memory.
      const ms = (a: number, b: number) => Math.round(b - a);
      const report = { records: dataset.effects.length, studies: dataset.studies.length, loadMs: ms(started, loaded), checkMs: ms(loaded, built), writeMs: ms(built, performance.now()), peakRssKb: process.resourceUsage().maxRSS };
      console.log(`db:build report ${JSON.stringify(report)}`);
    }
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
