// npm run load — the congress-crowd test (issue 11): autocannon with 50 connections for 30 s on
// /api/effects and on / against the production build, on the real database and on a 200,000-record
// synthetic one; errors, time-outs, requests/s, p50, p99 and the server's memory before and after.
// Writes bench/load.json. Not part of npm test (it takes about 5 minutes, more when it builds the
// 200,000-record database).
//
//   npm run load                           builds what it needs in a temporary folder
//   LOAD_DB_200K=/path/evidence.db         use an existing 200,000-record database (npm run bench
//                                          with BENCH_DIR keeps one at $BENCH_DIR/200k/evidence.db)
//   LOAD_REUSE_BUILD=1                     reuse .next-bench if it exists (no next build)
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { get } from "./bench/http";
import { NEXT, peakRssMb, rssMb, run, startApp, stop, stopAll, TSX } from "./bench/processes";

const ROOT = process.cwd();
const DIST = ".next-bench";
const PORT = Number(process.env.LOAD_PORT ?? 3731);
const CONNECTIONS = 50;
const SECONDS = 30;
const ROUTES = ["/api/effects", "/"];

type Row = { database: string; route: string; connections: number; seconds: number; requests: number; requestsPerSecond: number; p50Ms: number; p99Ms: number; errors: number; timeouts: number; non2xx: number; rssBeforeMb: number | null; rssAfterMb: number | null; rssPeakMb: number | null };

const log = (s: string) => console.log(`load ${((performance.now() - STARTED) / 1000).toFixed(0).padStart(4)} s  ${s}`);
const STARTED = performance.now();

async function main() {
  const work = mkdtempSync(path.join(os.tmpdir(), "ras-load-"));
  const real = path.join(work, "real.db");
  log("db:build of the real content");
  await run(TSX, ["scripts/db-build.ts"], { EVIDENCE_DB: real });
  let big = process.env.LOAD_DB_200K ? path.resolve(process.env.LOAD_DB_200K) : "";
  if (!big || !existsSync(big)) {
    log("synth and db:build of 200,000 records");
    const dir = path.join(work, "200k");
    mkdirSync(dir, { recursive: true });
    await run(TSX, ["scripts/synth.ts", "--studies", "10000", "--effects", "200000", "--out", dir]);
    big = path.join(dir, "evidence.db");
    await run(TSX, ["scripts/db-build.ts"], { EVIDENCE_CONTENT: path.join(dir, "content"), EVIDENCE_DB: big });
  }
  if (!(process.env.LOAD_REUSE_BUILD && existsSync(path.join(ROOT, DIST, "BUILD_ID")))) {
    log(`next build (into ${DIST})`);
    await run(process.execPath, [NEXT, "build"], { NEXT_DIST_DIR: DIST, NEXT_TELEMETRY_DISABLED: "1" });
  }

  const rows: Row[] = [];
  for (const [name, database] of [["real", real], ["200k", big]] as const) {
    const app = await startApp(`app-${name}`, PORT, database, DIST);
    try {
      for (const route of ROUTES) await get(`http://127.0.0.1:${PORT}${route}`);
      for (const route of ROUTES) {
        const before = rssMb(app.child.pid);
        log(`${name}: ${route}, ${CONNECTIONS} connections, ${SECONDS} s`);
        const r = await autocannon({ url: `http://127.0.0.1:${PORT}${route}`, connections: CONNECTIONS, duration: SECONDS, timeout: 10 });
        rows.push({
          database: name,
          route,
          connections: CONNECTIONS,
          seconds: SECONDS,
          requests: r.requests.sent,
          requestsPerSecond: r.requests.average,
          p50Ms: r.latency.p50,
          p99Ms: r.latency.p99,
          errors: r.errors,
          timeouts: r.timeouts,
          non2xx: r.non2xx,
          rssBeforeMb: before,
          rssAfterMb: rssMb(app.child.pid),
          rssPeakMb: peakRssMb(app.child.pid),
        });
      }
    } finally {
      await stop(app);
    }
  }
  mkdirSync(path.join(ROOT, "bench"), { recursive: true });
  writeFileSync(path.join(ROOT, "bench", "load.json"), `${JSON.stringify(rows, null, 2)}\n`);
  console.log("\ndatabase  route          req/s    p50 ms  p99 ms  errors  time-outs  non-2xx  RSS before → after (peak) MB");
  for (const r of rows)
    console.log(
      `${r.database.padEnd(8)}  ${r.route.padEnd(13)}  ${r.requestsPerSecond.toFixed(0).padStart(6)}  ${String(r.p50Ms).padStart(6)}  ${String(r.p99Ms).padStart(6)}  ${String(r.errors).padStart(6)}  ${String(r.timeouts).padStart(9)}  ${String(r.non2xx).padStart(7)}  ${r.rssBeforeMb?.toFixed(0)} → ${r.rssAfterMb?.toFixed(0)} (${r.rssPeakMb?.toFixed(0)})`,
    );
  rmSync(work, { recursive: true, force: true });
  const bad = rows.filter((r) => r.errors || r.timeouts || r.non2xx);
  log(bad.length ? `errors or time-outs on ${bad.map((r) => `${r.database} ${r.route}`).join(", ")}` : "no errors, no time-outs -> bench/load.json");
  if (bad.length) process.exitCode = 1;
}

main()
  .catch((err) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(() => stopAll());
