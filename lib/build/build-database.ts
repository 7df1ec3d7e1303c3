// content folder -> database file, as `npm run db:build` runs it (scripts/db-build.ts prints what
// this returns). Validates, computes, runs the integrity checks, writes a new database to a temporary
// file and moves it into place only when it is complete: a failed build leaves the previous database
// exactly as it was. The mutation suite (lib/content/mutations.test.ts) calls it for every rejected
// mutation and compares the database's bytes before and after.
import { mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { loadContent, type ContentError, type ContentSet } from "../content/load";
import { buildDataset, type BuiltDataset } from "./dataset";
import { writeDatabase } from "../db/write";

export type BuildTimes = { loadMs: number; checkMs: number; writeMs: number };
export type BuildResult = { ok: false; errors: ContentError[] } | { ok: true; content: ContentSet; dataset: BuiltDataset; times: BuildTimes };

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

export async function buildDatabaseFile(contentFolder: string, target: string): Promise<BuildResult> {
  const started = performance.now();
  const result = loadContent(contentFolder);
  const loaded = performance.now();
  // Refused before the database is opened: nothing is written.
  if (!result.ok) return { ok: false, errors: result.errors };
  const dataset = buildDataset(result.content);
  const built = performance.now();
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
  } catch (err) {
    rmSync(tmp, { force: true });
    rmSync(`${tmp}-journal`, { force: true });
    throw err;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
  const ms = (a: number, b: number) => Math.round(b - a);
  return { ok: true, content: result.content, dataset, times: { loadMs: ms(started, loaded), checkMs: ms(loaded, built), writeMs: ms(built, performance.now()) } };
}
