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

export type NoticeLocale = "en" | "zh";

// The names a reason's "unknown …" gives (FILTER_NAMES, and the parameter names other pages use).
const WHAT_ZH: Record<string, string> = {
  endpoint: "终点",
  treatment: "治疗",
  "molecular group": "分子分组",
  study: "研究",
  measure: "效应指标",
  "study design": "研究设计",
  "source level": "来源级别",
  analysis: "分析类型",
  "kind of record": "记录类型",
  sort: "排序方式",
  view: "视图",
  check: "检查项",
  population: "人群",
  method: "合并方法",
  ci: "区间方法",
  by: "亚组方式",
};

// The common reasons in Chinese, by their English wording; parameter names, values and lists of codes stay as given.
const REASONS_ZH: [RegExp, (m: RegExpExecArray) => string][] = [
  [
    /^unknown ([^;]+?)(?:; allowed: (.+?))?(; the table shown)?$/s,
    (m) => `未知的${WHAT_ZH[m[1]!] ?? m[1]}${m[2] ? `；允许的值：${m[2]}` : ""}${m[3] ? "；显示表格" : ""}`,
  ],
  [/^not a parameter of this page$/, () => "不是此页面的参数"],
  [/^not read by this page$/, () => "此页面不读取"],
  [/^(\d+) more unknown values$/, (m) => `另有 ${m[1]} 个未知值`],
  [/^longer than (\d+) characters$/, (m) => `超过 ${m[1]} 个字符`],
  [/^(\d+) values past the first (\d+)$/, (m) => `前 ${m[2]} 个值之后的 ${m[1]} 个值`],
  [/^% and _ are read as spaces: the text search cannot match them literally$/, () => "% 和 _ 按空格读取：文本搜索无法按字面匹配它们"],
  [/^text past its first (\d+) characters$/, (m) => `前 ${m[1]} 个字符之后的文本`],
  [
    /^not a whole number from (\d+) to (\d+)( \(the next or previous value of an answer\))?(?:; (.+) used)?$/,
    (m) => `不是 ${m[1]} 至 ${m[2]} 之间的整数${m[3] ? "（应为答案中上一个或下一个值）" : ""}${m[4] ? `；采用 ${m[4]}` : ""}`,
  ],
  [/^must be true or false$/, () => "必须为 true 或 false"],
  [/^after and before were both given; after used$/, () => "同时给出了 after 和 before；采用 after"],
  [/^a page lists at most (\d+) records; (\d+) used \(the Next link gives the rest\)$/, (m) => `每页最多列出 ${m[1]} 条记录；采用 ${m[2]}（“下一页”链接给出其余记录）`],
  [/^not one of (.+): the list's order is used$/s, (m) => `不是 ${m[1]} 之一：采用列表原有顺序`],
  [/^not a filter list to expand$/, () => "不是可展开的筛选列表"],
  [/^not a position in a check's list \(the Next link gives one\)$/, () => "不是某项检查列表中的位置（“下一页”链接会给出）"],
  [/^a position needs the check it belongs to$/, () => "位置需要给出其所属的检查项"],
  [/^comparison is not EXPOSURE:REFERENCE; allowed: (.+)$/s, (m) => `comparison 不是 EXPOSURE:REFERENCE 形式；允许的值：${m[1]}`],
];

/** A reason in the interface's language: the common ones in Chinese for "zh"; any other as given. */
export function ignoredReason(reason: string, locale: NoticeLocale = "en"): string {
  if (locale === "en") return reason;
  for (const [pattern, zh] of REASONS_ZH) {
    const m = pattern.exec(reason);
    if (m) return zh(m);
  }
  return reason;
}

/** One note in the interface's language: `group=FOO（未知的分子分组）` in Chinese; formatIgnored's form in English. */
export function formatIgnoredIn(note: Ignored, locale: NoticeLocale = "en"): string {
  if (locale === "en") return formatIgnored(note);
  const more = /^(\d+) more parameters?$/.exec(note.parameter);
  const parameter = more ? `另有 ${more[1]} 个参数` : note.parameter;
  return `${parameter}${note.value === null ? "" : `=${clipValue(note.value)}`}（${ignoredReason(note.reason, locale)}）`;
}

/** The notice's text: "Ignored: a (why); b (why)." ("已忽略：a（原因）；b（原因）。" in Chinese) or "" when nothing was ignored. */
export function ignoredText(notes: readonly Ignored[], locale: NoticeLocale = "en"): string {
  if (!notes.length) return "";
  return locale === "zh" ? `已忽略：${notes.map((n) => formatIgnoredIn(n, locale)).join("；")}。` : `Ignored: ${notes.map(formatIgnored).join("; ")}.`;
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
