// A read-only client for scripts and tests (the app uses lib/db/client.ts, which is server-only).
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client";
import { databasePath } from "./paths";

export function openDatabase(file = databasePath()): PrismaClient {
  return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: file, readonly: true, fileMustExist: true }) });
}
