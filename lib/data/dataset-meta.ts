import type { PrismaClient } from "../generated/prisma/client";
import { databaseFileOf } from "../db/open";
import { datasetMeta, type DatasetMeta } from "./sql";

export type { DatasetMeta };

/** The dataset's facts, read once per database file (and again after a rebuild). */
export async function getDatasetMeta(db: PrismaClient): Promise<DatasetMeta> {
  return datasetMeta(databaseFileOf(db));
}
