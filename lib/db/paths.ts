import path from "node:path";

/** The embedded database the app reads. EVIDENCE_DB overrides it (tests build their own). */
export function databasePath(): string {
  return path.resolve(process.env.EVIDENCE_DB ?? path.join(process.cwd(), "data", "evidence.db"));
}

export const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");
