import type { PrismaClient } from "../generated/prisma/client";
import type { CitingDocument } from "../domain/citations";

/** citingDocuments: the documents (the review) whose secondary figures a view may use, with their citations. */
export type DatasetMeta = { version: string; studies: number; effects: number; flags: number; citingDocuments: CitingDocument[] };

export async function getDatasetMeta(db: PrismaClient): Promise<DatasetMeta> {
  const rows = await db.datasetMeta.findMany();
  const m = new Map(rows.map((r) => [r.key, r.value]));
  return { version: m.get("version") ?? "unknown", studies: Number(m.get("studies") ?? 0), effects: Number(m.get("effects") ?? 0), flags: Number(m.get("flags") ?? 0), citingDocuments: JSON.parse(m.get("citingDocuments") ?? "[]") as CitingDocument[] };
}
