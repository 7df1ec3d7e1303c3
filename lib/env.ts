// The environment, validated once: where the database and the content live.
import path from "node:path";
import { z } from "zod";

const envSchema = z.object({
  /** The embedded database the app reads and db:build writes (tests build their own). */
  EVIDENCE_DB: z.string().min(1).optional(),
  /** The content folder content:check validates and db:build builds from: the same one for both. */
  EVIDENCE_CONTENT: z.string().min(1).optional(),
});

export function env() {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) throw new Error(`environment: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
  return parsed.data;
}

export function contentDir(): string {
  return path.resolve(env().EVIDENCE_CONTENT ?? path.join(process.cwd(), "content"));
}

export function databaseFile(): string {
  return path.resolve(env().EVIDENCE_DB ?? path.join(process.cwd(), "data", "evidence.db"));
}
