// What a page set aside from its URL, and why. Pages read their parameters leniently (a bad link
// degrades instead of failing: lib/data/filters.ts) and say what they ignored in one notice
// (app/_components/IgnoredNotice.tsx), in one form on every page: "Ignored: group=FOO (unknown
// molecular group)". A value is quoted short (a 10 kB value is never echoed whole) and flat (control
// characters as spaces); React escapes it, so a payload in a link stays text.

export type Ignored = {
  /** The URL parameter, as given (cut to its first 40 characters). */
  parameter: string;
  /** The value set aside, as given; null when the note is about the parameter as a whole. */
  value: string | null;
  /** Why, and what was used instead where something was: "unknown molecular group", "1000 used". */
  reason: string;
};

/** The longest value a notice quotes whole; a longer one is cut and its length given. */
export const MAX_QUOTED = 40;

/** A value as a notice may quote it: flat, and never a long one whole. */
export function clipValue(value: string, max = MAX_QUOTED): string {
  const flat = value.replace(/[\u0000-\u001f\u007f-\u009f]/g, " ");
  const chars = [...flat];
  return chars.length <= max ? flat : `${chars.slice(0, max).join("")}… (${chars.length} characters)`;
}

export function ignored(parameter: string, value: string | null, reason: string): Ignored {
  return { parameter: clipValue(parameter), value, reason };
}

/** One note as the notice prints it: `group=FOO (unknown molecular group)`. */
export function formatIgnored(note: Ignored): string {
  return `${note.parameter}${note.value === null ? "" : `=${clipValue(note.value)}`} (${note.reason})`;
}

/** The notice's text: "Ignored: a (why); b (why)." or "" when nothing was ignored. */
export function ignoredText(notes: readonly Ignored[]): string {
  return notes.length ? `Ignored: ${notes.map(formatIgnored).join("; ")}.` : "";
}

/**
 * Parameters a page does not read at all, as notes. `known` are the page's parameters; anything
 * else in the link is named, so a mistyped parameter (`grup=KRAS`) does not pass silently. At most
 * `max` are listed, the rest counted.
 */
export function unknownParameters(params: URLSearchParams, known: Iterable<string>, max = 5): Ignored[] {
  const allowed = new Set(known);
  const unknown = [...new Set(params.keys())].filter((k) => !allowed.has(k));
  const notes = unknown.slice(0, max).map((k) => ignored(k, params.get(k) || null, "not a parameter of this page"));
  const more = unknown.length - max;
  if (more > 0) notes.push(ignored(`${more} more parameter${more === 1 ? "" : "s"}`, null, "not read by this page"));
  return notes;
}
