// A read-only Prisma Client on the database file: used by the app (through lib/db/client.ts,
// which is server-only and reopens after a rebuild), the export script and the tests.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client";
import { databasePath } from "./paths";

export function openDatabase(file = databasePath()): PrismaClient {
  return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: file, readonly: true, fileMustExist: true }) });
}
