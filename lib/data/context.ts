// Per-process context for pages and routes: the database client and its vocabularies, reloaded
// when the database is rebuilt (the dataset version changes).
import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { getDb } from "../db/client";
import { getDatasetMeta, type DatasetMeta } from "./dataset-meta";
import { loadVocabulary, type AppVocabulary } from "./vocabulary";

let cached: { version: string; vocab: AppVocabulary } | null = null;

export async function getContext(): Promise<{ db: PrismaClient; vocab: AppVocabulary; meta: DatasetMeta }> {
  const db = getDb();
  const meta = await getDatasetMeta(db);
  if (!cached || cached.version !== meta.version) cached = { version: meta.version, vocab: await loadVocabulary(db) };
  return { db, vocab: cached.vocab, meta };
}
