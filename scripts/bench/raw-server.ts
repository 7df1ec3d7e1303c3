// The benchmark's baseline for the API: a minimal node:http handler running the same statements as
// /api/effects runs for a first page with count (lib/data/sql: the count, the page's rows, their
// molecular groups and flags) as raw prepared better-sqlite3 statements, answering the rows as JSON.
// No framework, no validation, no shaping. The benchmark hands it the statements by name:
//   tsx scripts/bench/raw-server.ts <database> <port> <queries.json>   ({ name: { count, page } })
//   GET /q/<name>
import http from "node:http";
import { readFileSync } from "node:fs";
import Database from "better-sqlite3";

type Statement = { sql: string; params: unknown[] };
type Query = { count: Statement; page: Statement; groups: string; flags: string };

const [file, port, queriesFile] = process.argv.slice(2);
const db = new Database(file!, { readonly: true, fileMustExist: true });
// The same connection settings as the app's (lib/db/sqlite.ts).
db.pragma("temp_store = MEMORY");
db.pragma("cache_size = -65536");
const queries = JSON.parse(readFileSync(queriesFile!, "utf8")) as Record<string, Query>;
const prepared = Object.fromEntries(
  Object.entries(queries).map(([name, q]) => [name, { q, count: db.prepare(q.count.sql), page: db.prepare(q.page.sql), groups: db.prepare(q.groups), flags: db.prepare(q.flags) }]),
);

http
  .createServer((req, res) => {
    const p = prepared[decodeURIComponent((req.url ?? "").replace(/^\/q\//, ""))];
    if (!p) {
      res.writeHead(404).end();
      return;
    }
    const count = (p.count.get(...p.q.count.params) as { n: number }).n;
    const rows = p.page.all(...p.q.page.params) as { id: string; flagged: number }[];
    const flagged = rows.filter((r) => r.flagged === 1);
    const body = JSON.stringify({ data: rows, groups: p.groups.all(JSON.stringify(rows.map((r) => r.id))), flags: flagged.length ? p.flags.all(JSON.stringify(flagged.map((r) => r.id))) : [], count });
    res.writeHead(200, { "content-type": "application/json" }).end(body);
  })
  .listen(Number(port), "127.0.0.1", () => console.log(`raw server on ${port}`));
