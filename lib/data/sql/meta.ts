// The dataset's facts (version, counts, citing documents), read once per database file and identity:
// a request reads them from memory, and a rebuild (a new file) is read afresh.
import type { CitingDocument } from "../../domain/citations";
import { databaseIdentity, prepared } from "../../db/sqlite";
import { databasePath } from "../../db/paths";

/** citingDocuments: the documents (the review) whose secondary figures a view may use, with their citations. */
export type DatasetMeta = { version: string; studies: number; effects: number; flags: number; citingDocuments: CitingDocument[] };

const cache = new Map<string, { identity: string; meta: DatasetMeta }>();

export function datasetMeta(file = databasePath()): DatasetMeta {
  const identity = databaseIdentity(file);
  const held = cache.get(file);
  if (held && held.identity === identity) return held.meta;
  const m = new Map((prepared("SELECT key, value FROM DatasetMeta", file).all() as { key: string; value: string }[]).map((r) => [r.key, r.value]));
  const meta: DatasetMeta = {
    version: m.get("version") ?? "unknown",
    studies: Number(m.get("studies") ?? 0),
    effects: Number(m.get("effects") ?? 0),
    flags: Number(m.get("flags") ?? 0),
    citingDocuments: JSON.parse(m.get("citingDocuments") ?? "[]") as CitingDocument[],
  };
  cache.set(file, { identity, meta });
  return meta;
}
