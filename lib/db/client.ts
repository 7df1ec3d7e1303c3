// The app's one database client: Prisma Client over better-sqlite3, opened read-only. Only the
// data-access modules (lib/data) receive it; pages and routes never call Prisma directly.
// `npm run db:build` replaces the database file atomically (rename), so an open connection would
// keep reading the old file: the client is reopened when the file on disk is a new one.
import "server-only";
import { statSync } from "node:fs";
import type { PrismaClient } from "../generated/prisma/client";
import { openDatabase } from "./open";
import { databasePath } from "./paths";

type Held = { client: PrismaClient; identity: string };
const globalForDb = globalThis as unknown as { evidenceDbHeld?: Held };

function fileIdentity(file: string): string {
  const s = statSync(file);
  return `${s.ino}:${s.mtimeMs}`;
}

export function getDb(): PrismaClient {
  const file = databasePath();
  const identity = fileIdentity(file);
  const held = globalForDb.evidenceDbHeld;
  if (held && held.identity === identity) return held.client;
  if (held) void held.client.$disconnect();
  const client = openDatabase(file);
  globalForDb.evidenceDbHeld = { client, identity };
  return client;
}
