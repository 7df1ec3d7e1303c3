// A read-only Prisma Client on the database file: used by the app (through lib/db/client.ts,
// which is server-only and reopens after a rebuild), the export script and the tests.
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client";
import { databasePath } from "./paths";

const files = new WeakMap<PrismaClient, string>();

export function openDatabase(file = databasePath()): PrismaClient {
  const client = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: file, readonly: true, fileMustExist: true }) });
  files.set(client, path.resolve(file));
  return client;
}

/**
 * The file a client reads: the data layer's SQL reads (lib/data/sql) go to the same database as the
 * Prisma Client a caller holds (the app's, or a test's own).
 */
export function databaseFileOf(client: PrismaClient): string {
  return files.get(client) ?? databasePath();
}
