import type { PrismaClient } from "../generated/prisma/client";
import { databaseFileOf } from "../db/open";
import { flagCounts, flagPage, type FlagCursor, type IntegrityFlag } from "./sql";

export type { IntegrityFlag, FlagCursor };

/** Listed flags per check and severity (every flag once: of a disagreeing pair, the more severe side). */
export async function countIntegrityFlags(db: PrismaClient) {
  return flagCounts({ file: databaseFileOf(db) });
}

/** A page of one check's flags: errors, then warnings, then notes; their texts in `locale` (a page's language). */
export async function findIntegrityFlagPage(db: PrismaClient, code: string, page: { limit: number; after?: FlagCursor | null }, locale?: string) {
  return flagPage(code, page, { file: databaseFileOf(db), locale });
}

/** Every listed flag (all checks, unpaged): for small datasets and tests; pages use findIntegrityFlagPage. */
export async function findIntegrityFlags(db: PrismaClient): Promise<IntegrityFlag[]> {
  const file = databaseFileOf(db);
  const out: IntegrityFlag[] = [];
  for (const code of [...new Set(flagCounts({ file }).map((c) => c.code))].sort()) {
    let after: FlagCursor | null = null;
    do {
      const page = flagPage(code, { limit: 1000, after }, { file });
      out.push(...page.data);
      after = page.next;
    } while (after);
  }
  return out;
}
