// Paging by key: `after=K` (the page after the record, study or flag with key K) or `before=K`, as the
// previous answer's next / previous gave them. Keys are positions in the list's order, so a page is
// found by an index lookup however deep it is (an offset counts every row before it). Read in two
// modes like the filters (lib/data/filters.ts): strict for the API (a bad value is a 400 naming the
// parameter), lenient for pages (a bad value is ignored and said so).
import { FilterError } from "./filters";
import { ignored as note, type Ignored } from "./ignored";

export type Cursor = { after: number | null; before: number | null };
export const CURSOR_KEYS = ["after", "before"] as const;
const MAX_KEY = 2 ** 31 - 1;
const ALLOWED = `a whole number from 0 to ${MAX_KEY} (the next or previous value of an answer)`;

function parseKey(raw: string): number | null {
  return /^\d{1,10}$/.test(raw) && Number(raw) <= MAX_KEY ? Number(raw) : null;
}

/** Takes after / before out of the parameters (the filters' schema does not know them). */
export function takeCursorStrict(params: URLSearchParams): Cursor {
  const out: Cursor = { after: null, before: null };
  for (const key of CURSOR_KEYS) {
    const raw = params.getAll(key);
    params.delete(key);
    if (raw.length === 0) continue;
    if (raw.length > 1) throw new FilterError(key, ALLOWED, `${key} is given ${raw.length} times; give it once`);
    const value = parseKey(raw[0]!);
    if (value === null) throw new FilterError(key, ALLOWED, `${key} must be ${ALLOWED}`);
    out[key] = value;
  }
  if (out.after !== null && out.before !== null) throw new FilterError("before", "after or before, not both", "give after or before, not both");
  return out;
}

export function takeCursorLenient(params: URLSearchParams): { cursor: Cursor; ignored: Ignored[] } {
  const cursor: Cursor = { after: null, before: null };
  const ignored: Ignored[] = [];
  for (const key of CURSOR_KEYS) {
    const raw = params.get(key);
    params.delete(key);
    if (raw === null || raw === "") continue;
    const value = parseKey(raw);
    if (value === null) ignored.push(note(key, raw, `not ${ALLOWED}`));
    else cursor[key] = value;
  }
  if (cursor.after !== null && cursor.before !== null) {
    ignored.push(note("before", String(cursor.before), "after and before were both given; after used"));
    cursor.before = null;
  }
  return { cursor, ignored };
}
