// Builds a database for tests through the same path the app uses (load -> build -> write).
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadContent, formatContentError } from "../content/load";
import { buildDataset } from "../build/dataset";
import { writeDatabase } from "../db/write";

export async function buildTestDatabase(contentDir = path.join(process.cwd(), "content")): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "evidence-test-"));
  const file = path.join(dir, "evidence.db");
  const result = loadContent(contentDir);
  if (!result.ok) throw new Error(result.errors.map(formatContentError).join("\n"));
  await writeDatabase(file, result.content, buildDataset(result.content));
  return file;
}
