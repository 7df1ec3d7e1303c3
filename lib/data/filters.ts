// The filters of the effect list, as the pages, the API and the export receive them. One zod schema
// per parameter, read in two modes: strict for the API (a bad value is a 400 naming the parameter and
// what is allowed) and lenient for page URLs (a bad value is dropped or clamped, and the reason kept
// for the page to say, so a bad link degrades instead of failing).
//
// Bounds, and why:
// - Values are de-duplicated and capped per parameter (MAX_VALUES_PER_PARAMETER), in all
//   (MAX_FILTER_VALUES) and in length (MAX_VALUE_LENGTH). Prisma refuses a SQLite query with 999 or
//   more bound values (P2029, measured with `studyId in` 999 times); every filter value becomes one,
//   a molecular group also its descendants, each free-text word one more. The caps keep the worst
//   combination far below that (a test builds it from every vocabulary value).
// - offset and limit are bounded: an offset past SQLite's 64-bit integer crashed the page.
// - Free text (q) may not carry LIKE wildcards. Prisma's `contains` on SQLite is `LIKE '%…%'` with no
//   ESCAPE clause, and Prisma has no way to add one: measured on the built database, `contains: "%"`
//   matched all 850 records where 78 hold a literal "%", `contains: "_"` all 850 where none holds
//   "_". So % and _ cannot be searched for literally: the API refuses them (400), the pages read
//   them as spaces and say so. The check runs after NFKC, as the search interpreter normalises
//   (a full-width ％ becomes %). The other `contains` filter (treatment) only takes vocabulary
//   codes, which never hold a wildcard (tested).
import { z } from "zod";
import { ignored as note, type Ignored } from "./ignored";

export const FILTER_KEYS = ["endpoint", "treatment", "group", "study", "measure", "design", "sourceLevel", "analysis", "kind"] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export type EffectFilters = {
  [K in FilterKey]: string[];
} & { q: string | null; limit: number; offset: number; flagged: boolean | null; computed: boolean | null };

export type Vocabulary = Record<FilterKey, string[]>;

/** Each filter parameter in words, as a notice names an unknown value: "unknown molecular group". */
export const FILTER_NAMES: Record<FilterKey, string> = {
  endpoint: "endpoint",
  treatment: "treatment",
  group: "molecular group",
  study: "study",
  measure: "measure",
  design: "study design",
  sourceLevel: "source level",
  analysis: "analysis",
  kind: "kind of record",
};

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;
export const MAX_OFFSET = 10_000_000;
/** Above the largest vocabulary today (54 studies), far below SQLite's bound-value limit. */
export const MAX_VALUES_PER_PARAMETER = 100;
export const MAX_FILTER_VALUES = 300;
export const MAX_VALUE_LENGTH = 100;
export const MAX_QUERY_LENGTH = 200;

export class FilterError extends Error {
  constructor(
    readonly parameter: string,
    readonly allowed: string,
    message: string,
  ) {
    super(message);
  }
}

/** A value as an answer may quote it: never a long one whole. */
function quoted(value: string, max = 60): string {
  const flat = value.replace(/[\u0000-\u001f\u007f-\u009f]/g, " ");
  return flat.length <= max ? `"${flat}"` : `"${flat.slice(0, max)}…" (${value.length} characters)`;
}

const SCALAR_KEYS = ["q", "limit", "offset", "flagged", "computed"] as const;
/** Every parameter the filters read (a page adds its own: paging, the search it came from). */
export const FILTER_PARAMETERS: readonly string[] = [...FILTER_KEYS, ...SCALAR_KEYS];
const KNOWN = new Set<string>(FILTER_PARAMETERS);
const WILDCARDS = /[%_]/g;
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

type Issue = { parameter: string; allowed: string; message: string };

/** Comma-separated or repeated, trimmed, empty ones dropped, duplicates once. */
function splitValues(raw: string[]): string[] {
  return [...new Set(raw.flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean))];
}

/** Text as the search interpreter reads it (NFKC), with control characters as spaces. */
function normaliseText(raw: string): string {
  return raw.normalize("NFKC").replace(CONTROL, " ");
}

const wholeNumber = (name: string, min: number, max: number) => {
  const allowed = `a whole number from ${min} to ${max}`;
  return z
    .string()
    .regex(/^\d{1,19}$/, { error: `${name} must be ${allowed}` })
    .transform(Number)
    .refine((n) => n >= min && n <= max, { error: `${name} must be ${allowed}` });
};
const booleanText = (name: string) => z.enum(["true", "false"], { error: `${name} must be true or false` }).transform((v) => v === "true");

/** A list parameter: repeated or comma-separated vocabulary codes. */
function listSchema(key: FilterKey, codes: readonly string[]) {
  const allowed = new Set(codes);
  const value = z
    .string()
    .max(MAX_VALUE_LENGTH, { error: (i) => `${key} value ${quoted(String(i.input))} is longer than ${MAX_VALUE_LENGTH} characters` })
    .refine((v) => allowed.has(v), { error: (i) => `unknown ${key} ${quoted(String(i.input))}` });
  const list = z
    .array(z.string())
    .transform(splitValues)
    .pipe(z.array(value).max(MAX_VALUES_PER_PARAMETER, { error: `${key} takes at most ${MAX_VALUES_PER_PARAMETER} values` }));
  return { list, value };
}

/** The schema: one zod type per parameter, the same for both modes. */
function schemaFor(vocab: Vocabulary) {
  const lists = {} as Record<FilterKey, ReturnType<typeof listSchema>>;
  for (const key of FILTER_KEYS) lists[key] = listSchema(key, vocab[key]);
  const q = z
    .string()
    .transform(normaliseText)
    .pipe(
      z
        .string()
        .max(MAX_QUERY_LENGTH, { error: `q is longer than ${MAX_QUERY_LENGTH} characters` })
        .refine((v) => !/[%_]/.test(v), { error: "q may not contain % or _ (the text search cannot match them literally)" }),
    )
    .transform((v) => v.trim() || null);
  return {
    lists,
    scalars: {
      q,
      limit: wholeNumber("limit", 1, MAX_LIMIT),
      offset: wholeNumber("offset", 0, MAX_OFFSET),
      flagged: booleanText("flagged"),
      computed: booleanText("computed"),
    },
  };
}

const ALLOWED_TEXT: Record<(typeof SCALAR_KEYS)[number], string> = {
  q: `text of at most ${MAX_QUERY_LENGTH} characters, without % or _`,
  limit: `a whole number from 1 to ${MAX_LIMIT}`,
  offset: `a whole number from 0 to ${MAX_OFFSET}`,
  flagged: "true, false",
  computed: "true, false",
};

const schemas = new WeakMap<Vocabulary, ReturnType<typeof schemaFor>>();
function schemaOf(vocab: Vocabulary) {
  let s = schemas.get(vocab);
  if (!s) schemas.set(vocab, (s = schemaFor(vocab)));
  return s;
}

const defaults = (): EffectFilters =>
  ({ ...Object.fromEntries(FILTER_KEYS.map((k) => [k, []])), q: null, limit: DEFAULT_LIMIT, offset: 0, flagged: null, computed: null }) as EffectFilters;

function firstMessage(error: z.ZodError): string {
  return error.issues[0]?.message ?? "invalid value";
}

function allowedList(vocab: Vocabulary, key: FilterKey): string {
  return vocab[key].join(", ");
}

/** Strict: for the API. Throws FilterError naming the parameter and what is allowed. */
export function parseFiltersStrict(params: URLSearchParams, vocab: Vocabulary): EffectFilters {
  const { lists, scalars } = schemaOf(vocab);
  const fail = (i: Issue): never => {
    throw new FilterError(i.parameter, i.allowed, i.message);
  };
  for (const key of new Set(params.keys()))
    if (!KNOWN.has(key)) fail({ parameter: key.slice(0, 60), allowed: [...KNOWN].join(", "), message: `unknown parameter ${quoted(key, 40)}` });
  const out = defaults();
  let total = 0;
  for (const key of FILTER_KEYS) {
    const parsed = lists[key].list.safeParse(params.getAll(key));
    if (!parsed.success) fail({ parameter: key, allowed: allowedList(vocab, key), message: firstMessage(parsed.error) });
    else out[key] = parsed.data;
    total += out[key].length;
  }
  if (total > MAX_FILTER_VALUES)
    fail({ parameter: FILTER_KEYS.find((k) => out[k].length > 0)!, allowed: `at most ${MAX_FILTER_VALUES} filter values in all`, message: `${total} filter values: at most ${MAX_FILTER_VALUES} in all` });
  for (const key of SCALAR_KEYS) {
    const raw = params.getAll(key);
    if (raw.length === 0) continue;
    if (raw.length > 1) fail({ parameter: key, allowed: ALLOWED_TEXT[key], message: `${key} is given ${raw.length} times; give it once` });
    const parsed = scalars[key].safeParse(raw[0]);
    if (!parsed.success) fail({ parameter: key, allowed: ALLOWED_TEXT[key], message: firstMessage(parsed.error) });
    else (out as Record<string, unknown>)[key] = parsed.data;
  }
  return out;
}

/**
 * Lenient, saying what it set aside: for page URLs. Unknown values are dropped, numbers out of range
 * clamped, wildcards in q read as spaces; `ignored` has one note per change (lib/data/ignored.ts),
 * which the page shows (app/_components/IgnoredNotice.tsx).
 */
export function parseFiltersLenientWithNotes(params: URLSearchParams, vocab: Vocabulary): { filters: EffectFilters; ignored: Ignored[] } {
  const { lists, scalars } = schemaOf(vocab);
  const out = defaults();
  const ignored: Ignored[] = [];
  let budget = MAX_FILTER_VALUES;
  for (const key of FILTER_KEYS) {
    const raw = splitValues(params.getAll(key));
    const kept: string[] = [];
    const dropped: string[] = [];
    for (const v of raw) (lists[key].value.safeParse(v).success ? kept : dropped).push(v);
    for (const v of dropped.slice(0, 3))
      ignored.push(note(key, v, v.length > MAX_VALUE_LENGTH ? `longer than ${MAX_VALUE_LENGTH} characters` : `unknown ${FILTER_NAMES[key]}`));
    if (dropped.length > 3) ignored.push(note(key, null, `${dropped.length - 3} more unknown values`));
    const cap = Math.min(MAX_VALUES_PER_PARAMETER, budget);
    if (kept.length > cap) ignored.push(note(key, null, `${kept.length - cap} values past the first ${cap}`));
    out[key] = kept.slice(0, cap);
    budget -= out[key].length;
  }
  const q = params.get("q");
  if (q !== null) {
    let text = normaliseText(q);
    if (/[%_]/.test(text)) {
      ignored.push(note("q", null, "% and _ are read as spaces: the text search cannot match them literally"));
      text = text.replace(WILDCARDS, " ");
    }
    if (text.length > MAX_QUERY_LENGTH) {
      ignored.push(note("q", null, `text past its first ${MAX_QUERY_LENGTH} characters`));
      text = text.slice(0, MAX_QUERY_LENGTH);
    }
    out.q = scalars.q.safeParse(text).data ?? null;
  }
  for (const [key, min, max] of [["limit", 1, MAX_LIMIT], ["offset", 0, MAX_OFFSET]] as const) {
    const raw = params.get(key);
    if (raw === null || raw.trim() === "") continue;
    if (scalars[key].safeParse(raw).success) out[key] = Number(raw);
    else {
      const n = Number(raw.trim());
      if (Number.isFinite(n)) out[key] = Math.min(max, Math.max(min, Math.trunc(n)));
      ignored.push(note(key, raw, `not ${ALLOWED_TEXT[key]}${Number.isFinite(n) ? `; ${out[key]} used` : ""}`));
    }
  }
  for (const key of ["flagged", "computed"] as const) {
    const raw = params.get(key);
    if (raw === null) continue;
    const parsed = scalars[key].safeParse(raw);
    if (parsed.success) out[key] = parsed.data as boolean;
    else ignored.push(note(key, raw, "must be true or false"));
  }
  return { filters: out, ignored };
}

/** Lenient: for page URLs. Unknown values are dropped (see parseFiltersLenientWithNotes for why). */
export function parseFiltersLenient(params: URLSearchParams, vocab: Vocabulary): EffectFilters {
  return parseFiltersLenientWithNotes(params, vocab).filters;
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
