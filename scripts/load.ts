// npm run load — the congress-crowd test (issue 11): autocannon with 50 connections for 30 s on
// /api/effects and on / against the production build, on the real database and on a 200,000-record
// synthetic one; errors, time-outs, requests/s, p50, p99 and the server's memory before and after.
// The crowd opens the same home page, which the app server's page cache answers after the first; a
// third run gives every request an address of its own (an ignored parameter), so each is rendered:
// the worst case, a crowd all following different links.
// Writes bench/load.json. Not part of npm test (it takes about 5 minutes, more when it builds the
// 200,000-record database): `npm run verify:scale` runs it, `npm run verify` runs it after npm test.
//
//   npm run load                           builds what it needs in a temporary folder
//   npm run load -- --effects 2000 --studies 100 --seconds 5 --out /tmp/load-smoke.json
//                                          a smaller synthetic set, shorter runs, another file (a
//                                          quick proof that the script works; the figures that
//                                          count are the defaults')
//   --port N                               the app's loopback port (default 3731)
//   LOAD_DB_200K=/path/evidence.db         use an existing 200,000-record database (npm run bench
//                                          with BENCH_DIR keeps one at $BENCH_DIR/200k/evidence.db)
//   LOAD_REUSE_BUILD=1                     reuse .next-bench if it exists (no next build)
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { get } from "./bench/http";
import { NEXT, peakRssMb, rssMb, run, startApp, stop, stopAll, TSX } from "./bench/processes";

const ROOT = process.cwd();
const DIST = ".next-bench";
const { values: args } = parseArgs({
  options: {
    effects: { type: "string", default: "200000" },
    studies: { type: "string", default: "10000" },
    seconds: { type: "string", default: "30" },
    connections: { type: "string", default: "50" },
    port: { type: "string", default: process.env.LOAD_PORT ?? "3731" },
    out: { type: "string", default: path.join("bench", "load.json") },
  },
});
function whole(name: keyof typeof args, min: number): number {
  const v = String(args[name]);
  if (!/^\d{1,9}$/.test(v) || Number(v) < min) throw new Error(`--${name} must be a whole number of at least ${min}, not "${v}"`);
  return Number(v);
}
const EFFECTS = whole("effects", 1);
const STUDIES = whole("studies", 1);
const PORT = whole("port", 1024);
const CONNECTIONS = whole("connections", 1);
const SECONDS = whole("seconds", 1);
const WARM_UP_SECONDS = Math.min(5, SECONDS);
const OUT = path.resolve(ROOT, String(args.out));
/** The synthetic database's name in the figures: "200k" for 200,000 records. */
const BIG = EFFECTS % 1000 === 0 ? `${EFFECTS / 1000}k` : String(EFFECTS);
/** The runs: a route, and whether each request asks for an address of its own (the page cache never answers it). */
const ROUTES = [
  { route: "/api/effects", path: "/api/effects", unique: false },
  { route: "/", path: "/", unique: false },
  { route: "/ (every request a new address: rendered)", path: "/", unique: true },
];
let uniqueSeq = 0;

type Row = { database: string; records: number; route: string; connections: number; seconds: number; requests: number; requestsPerSecond: number; p50Ms: number; p99Ms: number; errors: number; timeouts: number; non2xx: number; rssBeforeMb: number | null; rssAfterMb: number | null; rssPeakMb: number | null };

const log = (s: string) => console.log(`load ${((performance.now() - STARTED) / 1000).toFixed(0).padStart(4)} s  ${s}`);
const STARTED = performance.now();

/** The records the running app serves (its /api/effects count), so each row says what it measured. */
async function recordCount(port: number): Promise<number> {
  const res = await get(`http://127.0.0.1:${port}/api/effects?limit=1`);
  const count = (JSON.parse(res.body) as { count?: unknown }).count;
  if (typeof count !== "number") throw new Error(`/api/effects gave no count: ${res.body.slice(0, 200)}`);
  return count;
}

async function main() {
  const work = mkdtempSync(path.join(os.tmpdir(), "ras-load-"));
  const real = path.join(work, "real.db");
  log("db:build of the real content");
  await run(TSX, ["scripts/db-build.ts"], { EVIDENCE_DB: real });
  let big = process.env.LOAD_DB_200K ? path.resolve(process.env.LOAD_DB_200K) : "";
  if (!big || !existsSync(big) || EFFECTS !== 200_000) {
    log(`synth and db:build of ${EFFECTS.toLocaleString("en-GB")} records`);
    const dir = path.join(work, BIG);
    mkdirSync(dir, { recursive: true });
    await run(TSX, ["scripts/synth.ts", "--studies", String(STUDIES), "--effects", String(EFFECTS), "--out", dir]);
    big = path.join(dir, "evidence.db");
    await run(TSX, ["scripts/db-build.ts"], { EVIDENCE_CONTENT: path.join(dir, "content"), EVIDENCE_DB: big });
  }
  if (!(process.env.LOAD_REUSE_BUILD && existsSync(path.join(ROOT, DIST, "BUILD_ID")))) {
    log(`next build (into ${DIST})`);
    await run(process.execPath, [NEXT, "build"], { NEXT_DIST_DIR: DIST, NEXT_TELEMETRY_DISABLED: "1" });
  }

  const rows: Row[] = [];
  for (const [name, database] of [["real", real], [BIG, big]] as const) {
    const app = await startApp(`app-${name}`, PORT, database, DIST);
    const records = await recordCount(PORT);
    try {
      // A fresh server's first seconds under fifty connections are its slowest (measured: the longest
      // answer 5.8 to 9.7 s in a first run, under 1 s in the next, for next start as for this server):
      // each route gets a warm-up run of a few seconds, not counted, before the one measured.
      for (const { path: p } of ROUTES) await autocannon({ url: `http://127.0.0.1:${PORT}${p}`, connections: CONNECTIONS, duration: WARM_UP_SECONDS, timeout: 10 });
      for (const { route, path: p, unique } of ROUTES) {
        const before = rssMb(app.child.pid);
        log(`${name}: ${route}, ${CONNECTIONS} connections, ${SECONDS} s`);
        const requests = unique ? [{ setupRequest: (req: { method: string; path: string; headers: Record<string, string> }) => ({ ...req, path: `${p}?crowd=${++uniqueSeq}` }) }] : undefined;
        const r = await autocannon({ url: `http://127.0.0.1:${PORT}${p}`, connections: CONNECTIONS, duration: SECONDS, timeout: 10, ...(requests ? { requests } : {}) });
        rows.push({
          database: name,
          records,
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
  mkdirSync(path.dirname(OUT), { recursive: true });
  writeFileSync(OUT, `${JSON.stringify(rows, null, 2)}\n`);
  console.log("\ndatabase  route          req/s    p50 ms  p99 ms  errors  time-outs  non-2xx  RSS before → after (peak) MB");
  for (const r of rows)
    console.log(
      `${r.database.padEnd(8)}  ${r.route.padEnd(13)}  ${r.requestsPerSecond.toFixed(0).padStart(6)}  ${String(r.p50Ms).padStart(6)}  ${String(r.p99Ms).padStart(6)}  ${String(r.errors).padStart(6)}  ${String(r.timeouts).padStart(9)}  ${String(r.non2xx).padStart(7)}  ${r.rssBeforeMb?.toFixed(0)} → ${r.rssAfterMb?.toFixed(0)} (${r.rssPeakMb?.toFixed(0)})`,
    );
  rmSync(work, { recursive: true, force: true });
  const bad = rows.filter((r) => r.errors || r.timeouts || r.non2xx);
  log(bad.length ? `errors or time-outs on ${bad.map((r) => `${r.database} ${r.route}`).join(", ")}` : `no errors, no time-outs -> ${path.relative(ROOT, OUT)}`);
  if (bad.length) process.exitCode = 1;
}

main()
  .catch((err) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(() => stopAll());
