// The filters of the effect list, as the API and the pages receive them. Two schemas for the same
// parameters: a strict one for the API (an unknown value is a 400 naming the parameter and what is
// allowed) and a lenient one for page URLs (a bad value is dropped, so a bad link degrades).
import { z } from "zod";

export const FILTER_KEYS = ["endpoint", "treatment", "group", "study", "measure", "design", "sourceLevel", "analysis", "kind"] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export type EffectFilters = {
  [K in FilterKey]: string[];
} & { q: string | null; limit: number; offset: number; flagged: boolean | null; computed: boolean | null };

export type Vocabulary = Record<FilterKey, string[]>;

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

export class FilterError extends Error {
  constructor(
    readonly parameter: string,
    readonly allowed: string,
    message: string,
  ) {
    super(message);
  }
}

function values(params: URLSearchParams, key: string): string[] {
  return params
    .getAll(key)
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean);
}

const intParam = (name: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, { error: `${name} must be a whole number from ${min} to ${max}` })
    .transform(Number)
    .refine((n) => n >= min && n <= max, { error: `${name} must be a whole number from ${min} to ${max}` });

const KNOWN = new Set<string>([...FILTER_KEYS, "q", "limit", "offset", "flagged", "computed"]);

/** Strict: for /api/effects. Throws FilterError. */
export function parseFiltersStrict(params: URLSearchParams, vocab: Vocabulary): EffectFilters {
  for (const key of params.keys())
    if (!KNOWN.has(key)) throw new FilterError(key, [...KNOWN].join(", "), `unknown parameter "${key}"`);
  const out = { q: null, limit: DEFAULT_LIMIT, offset: 0, flagged: null, computed: null } as unknown as EffectFilters;
  for (const key of FILTER_KEYS) {
    const list = values(params, key);
    for (const v of list)
      if (!vocab[key].includes(v)) throw new FilterError(key, vocab[key].join(", "), `unknown ${key} "${v}"`);
    out[key] = list;
  }
  const q = params.get("q");
  if (q !== null) {
    if (q.length > 200) throw new FilterError("q", "text of at most 200 characters", "q is too long");
    out.q = q.trim() || null;
  }
  for (const [key, min, max] of [["limit", 1, MAX_LIMIT], ["offset", 0, 10_000_000]] as const) {
    const raw = params.get(key);
    if (raw === null) continue;
    const parsed = intParam(key, min, max).safeParse(raw);
    if (!parsed.success) throw new FilterError(key, `a whole number from ${min} to ${max}`, parsed.error.issues[0]!.message);
    out[key] = parsed.data;
  }
  for (const key of ["flagged", "computed"] as const) {
    const raw = params.get(key);
    if (raw === null) continue;
    if (raw !== "true" && raw !== "false") throw new FilterError(key, "true, false", `${key} must be true or false`);
    out[key] = raw === "true";
  }
  return out;
}

/** Lenient: for page URLs. Unknown values are dropped. */
export function parseFiltersLenient(params: URLSearchParams, vocab: Vocabulary): EffectFilters {
  const out = { q: null, limit: DEFAULT_LIMIT, offset: 0, flagged: null, computed: null } as unknown as EffectFilters;
  for (const key of FILTER_KEYS) out[key] = values(params, key).filter((v) => vocab[key].includes(v));
  const q = params.get("q");
  out.q = q && q.trim() ? q.trim().slice(0, 200) : null;
  const limit = Number(params.get("limit"));
  if (Number.isInteger(limit) && limit >= 1 && limit <= MAX_LIMIT) out.limit = limit;
  const offset = Number(params.get("offset"));
  if (Number.isInteger(offset) && offset >= 0) out.offset = offset;
  const flagged = params.get("flagged");
  if (flagged === "true" || flagged === "false") out.flagged = flagged === "true";
  const computed = params.get("computed");
  if (computed === "true" || computed === "false") out.computed = computed === "true";
  return out;
}

/** The URL query for a set of filters (the URL is the state). */
export function filtersToQuery(f: Partial<EffectFilters>): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) for (const v of f[key] ?? []) params.append(key, v);
  if (f.q) params.set("q", f.q);
  if (f.flagged !== null && f.flagged !== undefined) params.set("flagged", String(f.flagged));
  if (f.computed !== null && f.computed !== undefined) params.set("computed", String(f.computed));
  if (f.offset) params.set("offset", String(f.offset));
  if (f.limit && f.limit !== DEFAULT_LIMIT) params.set("limit", String(f.limit));
  const s = params.toString();
  return s ? `?${s}` : "";
}
