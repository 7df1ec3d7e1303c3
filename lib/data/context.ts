// Per-process context for pages and routes: the database client and its vocabularies, reloaded
// when the database is rebuilt (the dataset version changes).
import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { getDb } from "../db/client";
import { getDatasetMeta, type DatasetMeta } from "./dataset-meta";
import { loadVocabulary, localizeVocabulary, type AppVocabulary } from "./vocabulary";

let cached: { version: string; vocab: AppVocabulary; zh?: AppVocabulary } | null = null;

export async function getContext(): Promise<{ db: PrismaClient; vocab: AppVocabulary; meta: DatasetMeta }> {
  const db = getDb();
  const meta = await getDatasetMeta(db);
  if (!cached || cached.version !== meta.version) cached = { version: meta.version, vocab: await loadVocabulary(db) };
  return { db, vocab: cached.vocab, meta };
}

/**
 * The context for a page in the interface's language: the vocabulary's labels in Chinese for /zh
 * (labelZh from content/vocab), English otherwise. API routes use getContext: the API stays English.
 */
export async function getPageContext(locale: string): Promise<{ db: PrismaClient; vocab: AppVocabulary; meta: DatasetMeta }> {
  const context = await getContext();
  if (locale !== "zh" || !cached) return context;
  cached.zh ??= localizeVocabulary(cached.vocab, "zh");
  return { ...context, vocab: cached.zh };
}
