// The read path's SQLite connection: better-sqlite3, read-only, one per database file, kept open
// and reopened when `npm run db:build` has replaced the file (a new inode). Prepared statements are
// kept per connection (see `prepared`), so a query's SQL is compiled once per process. Only
// lib/data/sql reads through it; Prisma Client (lib/db/client.ts) stays the data model and the writer.
import { statSync } from "node:fs";
import Database from "better-sqlite3";
import { databasePath } from "./paths";

type Held = { db: Database.Database; identity: string; checked: number; statements: Map<string, Database.Statement> };
const globalForSqlite = globalThis as unknown as { evidenceSqlite?: Map<string, Held> };
const held = (globalForSqlite.evidenceSqlite ??= new Map());

/** Statements kept per connection; past this many distinct SQL texts the oldest are dropped. */
const MAX_STATEMENTS = 400;
/**
 * How often the file is looked at for a rebuild. A request makes several reads; one stat a second
 * is enough: until then the open connection reads the previous file, whole and consistent (the
 * rebuild renamed a new file into place, it did not change the old one).
 */
const RECHECK_MS = 1000;

function identityOf(file: string): string {
  const s = statSync(file);
  return `${s.ino}:${s.mtimeMs}:${s.size}`;
}

function open(file: string): Held {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  // Reads only: a 64 MB page cache, temporary sorts in memory. No memory-mapped I/O: measured at
  // 200,000 records it saved 3% on the list queries, and the mapped pages count as the process's
  // resident memory (a full export read the whole 700 MB file into it).
  db.pragma("temp_store = MEMORY");
  db.pragma("cache_size = -65536");
  return { db, identity: identityOf(file), checked: Date.now(), statements: new Map() };
}

/** The connection to a database file (the app's by default), reopened after a rebuild. */
function connection(file = databasePath()): Held {
  const current = held.get(file);
  const now = Date.now();
  if (current && now - current.checked < RECHECK_MS) return current;
  const identity = identityOf(file);
  if (current && current.identity === identity) {
    current.checked = now;
    return current;
  }
  if (current) current.db.close();
  const next = open(file);
  held.set(file, next);
  return next;
}

export function sqlite(file?: string): Database.Database {
  return connection(file).db;
}

/** A prepared statement for this SQL on this file's connection, compiled once. */
export function prepared(sql: string, file?: string): Database.Statement {
  const c = connection(file);
  let statement = c.statements.get(sql);
  if (statement) {
    // Most recently used last, so the oldest is first to go.
    c.statements.delete(sql);
    c.statements.set(sql, statement);
    return statement;
  }
  statement = c.db.prepare(sql);
  c.statements.set(sql, statement);
  if (c.statements.size > MAX_STATEMENTS) c.statements.delete(c.statements.keys().next().value!);
  return statement;
}

/** The file's identity (inode, time, size): a cache keyed by it is emptied by a rebuild. */
export function databaseIdentity(file = databasePath()): string {
  return connection(file).identity;
}
