// Free text as an FTS5 query on EffectSearch (unicode61, case and diacritics folded, prefix indexes
// of 2 and 3 characters; see migration 20261210000000_scale). Every word must match (AND), each as
// the start of a word in the record's text or its vocabulary synonyms ("hepat" finds hepatectomy,
// "转化" finds 转化治疗), as the words of a query are typed. A word is quoted, so FTS5's own syntax
// (AND, OR, NEAR, column filters, *) in what a user types is only ever text.

/** Tokens as unicode61 splits them: letters and digits in any script; everything else separates. */
const TOKEN = /[\p{L}\p{N}]+/gu;

export function ftsTokens(text: string): string[] {
  return (text.normalize("NFKC").toLowerCase().match(TOKEN) ?? []).filter(Boolean);
}

/** The MATCH expression for the free-text words, or null when they hold nothing to search for. */
export function ftsQuery(words: readonly string[]): string | null {
  const terms: string[] = [];
  for (const word of words) {
    const tokens = ftsTokens(word);
    if (tokens.length === 0) continue;
    // "5-FU" is the phrase 5 fu; the last token may be a prefix.
    terms.push(`"${tokens.join(" ")}"*`);
  }
  return terms.length ? terms.join(" AND ") : null;
}
