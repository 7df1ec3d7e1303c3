import path from "node:path";
import { databaseFile } from "../env";

/** The embedded database the app reads. EVIDENCE_DB overrides it (tests build their own). */
export function databasePath(): string {
  return databaseFile();
}

export const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");
