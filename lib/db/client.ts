// The app's one database client: Prisma Client over better-sqlite3, opened read-only. Only the
// data-access modules (lib/data) receive it; pages and routes never call Prisma directly.
import "server-only";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client";
import { databasePath } from "./paths";

const globalForDb = globalThis as unknown as { evidenceDb?: PrismaClient };

export const db: PrismaClient =
  globalForDb.evidenceDb ??
  new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: databasePath(), readonly: true, fileMustExist: true }) });

if (process.env.NODE_ENV !== "production") globalForDb.evidenceDb = db;
