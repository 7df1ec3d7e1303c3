// Small pure helpers the chart components share: axis ticks and domains, label wrapping, number
// text and the row layout. No statistics: values are drawn and printed as the series give them.

/** The house colours (app/globals.css), as literals so an exported SVG renders without the page's CSS. */
export const COLOURS = {
  fg: "#1a1a1a",
  muted: "#555555",
  line: "#d0d4da",
  grid: "#eceef1",
  accent: "#0b5cad",
  accentWeak: "#b9d2ee",
  flag: "#a4261b",
  flagWeak: "#f3b6ae",
  computed: "#6b4fa0",
} as const;

/** Ratio ticks a reader of forest plots expects; the axis shows those inside the domain. */
export const LOG_TICK_CANDIDATES = [0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2, 4, 10, 20, 50, 100] as const;

/** Ratios beyond these are clipped at the axis (whisker drawn with an arrow), e.g. a CI lower bound of 0. */
export const LOG_DOMAIN_LIMITS: readonly [number, number] = [0.01, 100];

/**
 * Log-axis domain covering every positive value and 1 (the line of no difference), widened by
 * `pad` (a share of the decades spanned, at least a twentieth of a decade), then snapped outwards to the
 * nearest tick candidate so the axis starts and ends on a labelled tick.
 */
export function paddedLogDomain(values: readonly (number | null | undefined)[], pad = 0.05): [number, number] {
  const [limitLo, limitHi] = LOG_DOMAIN_LIMITS;
  const positive = values.filter((v): v is number => typeof v === "number" && Number.isFinite(v) && v > 0);
  const lo = Math.max(limitLo, Math.min(1, ...positive));
  const hi = Math.min(limitHi, Math.max(1, ...positive));
  const span = Math.max(Math.log10(hi) - Math.log10(lo), 0.1);
  const margin = Math.max(span * pad, 0.05);
  const paddedLo = 10 ** (Math.log10(lo) - margin);
  const paddedHi = 10 ** (Math.log10(hi) + margin);
  const below = LOG_TICK_CANDIDATES.filter((t) => t <= paddedLo);
  const above = LOG_TICK_CANDIDATES.filter((t) => t >= paddedHi);
  return [below.at(-1) ?? limitLo, above[0] ?? limitHi];
}

/** Tick values for a log axis over `domain`; thinned to at most `maxTicks`, always keeping 1 and the ends. */
export function logTicks(domain: readonly [number, number], maxTicks = 9): number[] {
  const [lo, hi] = domain;
  const inside = LOG_TICK_CANDIDATES.filter((t) => t >= lo - 1e-12 && t <= hi + 1e-12);
  if (inside.length <= maxTicks) return [...inside];
  // Keep the decades and 1 first (0.1, 1, 10 …), then fill in.
  const keep = new Set<number>(inside.filter((t) => Number.isInteger(Math.log10(t))));
  keep.add(inside[0]!);
  keep.add(inside.at(-1)!);
  for (const t of inside) {
    if (keep.size >= maxTicks) break;
    if ([0.5, 2, 5, 50].includes(t)) keep.add(t);
  }
  return inside.filter((t) => keep.has(t));
}

/**
 * At most `maxTicks` of `ticks`, evenly thinned, always keeping the ends and `keep` (e.g. 1 on a
 * ratio axis) so a narrow axis stays legible.
 */
export function thinTicks(ticks: readonly number[], maxTicks: number, keep?: number): number[] {
  if (ticks.length <= Math.max(2, maxTicks)) return [...ticks];
  const stride = Math.ceil((ticks.length - 1) / (Math.max(2, maxTicks) - 1));
  const anchor = Math.max(0, keep === undefined ? 0 : ticks.indexOf(keep));
  return ticks.filter((_, i) => (i - anchor) % stride === 0 || i === 0 || i === ticks.length - 1);
}

/** A "nice" upper bound at or above `value`: 1, 2, 2.5 or 5 times a power of ten. */
export function niceCeil(value: number): number {
  if (!(value > 0)) return 0;
  const power = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 2.5, 5, 10].map((s) => s * power).find((s) => s >= value - 1e-9) ?? 10 * power;
}

/** Tick step for a linear axis: the nice number at or above span / target. */
export function niceStep(span: number, target = 5): number {
  return niceCeil(span / Math.max(1, target)) || 1;
}

/**
 * Linear domain from 0 (or below the lowest negative value, e.g. a tumour-reduction range down to
 * −257 %) to above the largest value, padded by `pad` of the span and snapped outwards to the tick step.
 */
export function paddedLinearDomain(values: readonly (number | null | undefined)[], pad = 0.05, target = 5): [number, number] {
  const finite = values.filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  const lo = Math.min(0, ...finite);
  const hi = Math.max(0, ...finite);
  const span = hi - lo || 1;
  const paddedLo = lo < 0 ? lo - span * pad : 0;
  const paddedHi = hi + span * pad;
  const step = niceStep(paddedHi - paddedLo, target);
  return [Math.floor(paddedLo / step) * step, Math.ceil(paddedHi / step) * step];
}

/** Evenly spaced ticks at the nice step over a linear domain. */
export function linearTicks(domain: readonly [number, number], target = 5): number[] {
  const [lo, hi] = domain;
  if (!(hi > lo)) return [lo];
  const step = niceStep(hi - lo, target);
  const ticks: number[] = [];
  for (let t = Math.ceil(lo / step - 1e-9) * step; t <= hi + 1e-9; t += step) ticks.push(Number(t.toFixed(10)));
  return ticks;
}

/** Cut `text` to at most `maxChars` characters, ending with "…" when cut. */
export function truncateLabel(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  if (maxChars <= 1) return "…";
  return `${text.slice(0, maxChars - 1).trimEnd()}…`;
}

/**
 * Wrap `text` into lines of at most `maxChars`, breaking at spaces; words longer than a line are
 * cut. Beyond `maxLines` the last line ends with "…" and `truncated` is true (show the full text in
 * a title/tooltip then).
 */
export function wrapLabel(text: string, maxChars: number, maxLines: number): { lines: string[]; truncated: boolean } {
  const width = Math.max(4, Math.floor(maxChars));
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let current = "";
  for (let word of words) {
    while (word.length > width) {
      if (current) {
        lines.push(current);
        current = "";
      }
      lines.push(word.slice(0, width));
      word = word.slice(width);
    }
    if (!current) current = word;
    else if (current.length + 1 + word.length <= width) current = `${current} ${word}`;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  if (lines.length <= maxLines) return { lines, truncated: false };
  const kept = lines.slice(0, Math.max(1, maxLines));
  const rest = lines.slice(kept.length).join(" ");
  kept[kept.length - 1] = truncateLabel(`${kept[kept.length - 1]} ${rest}`, width);
  return { lines: kept, truncated: true };
}

/** A value as given: no re-rounding of published figures; a true minus sign for negatives. */
export function formatNumber(value: number): string {
  const text = String(Number(value.toPrecision(12)));
  return text.startsWith("-") ? `−${text.slice(1)}` : text;
}

/** "1.76–6.47", or null when either bound is missing. */
export function formatInterval(lower: number | null, upper: number | null): string | null {
  if (lower === null || upper === null) return null;
  return `${formatNumber(lower)}–${formatNumber(upper)}`;
}

/** "27/121", "n = 16" when only the denominator is known, or null. */
export function formatCount(events: number | null, total: number | null): string | null {
  if (events !== null && total !== null) return `${events}/${total}`;
  if (total !== null) return `n = ${total}`;
  if (events !== null) return `${events} patients`;
  return null;
}

/** A p value as printed, with "p" in front: ".038" → "p = .038", "<0.001" → "p < 0.001". */
export function formatP(p: string | null): string | null {
  if (p === null || p.trim() === "") return null;
  const text = p.trim();
  return /^[<>≤≥=]/.test(text) ? `p ${text.replace(/^([<>≤≥=])\s*/, "$1 ")}` : `p = ${text}`;
}

/** A file-name stem from a chart title: "Overall survival: HR" → "overall-survival-hr". */
export function fileSlug(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/g, "");
  return slug || "chart";
}

/** Average advance of a character in the chart font at `fontSize` px (system sans-serif). */
export function charWidth(fontSize: number): number {
  return fontSize * 0.56;
}

export type RowLayout = {
  /** "side": labels in a column left of the plot; "stacked": labels above each row's mark (narrow screens). */
  mode: "side" | "stacked";
  fontSize: number;
  lineHeight: number;
  /** Width of the label column (side) or of the full-width label block (stacked). */
  labelWidth: number;
  charsPerLine: number;
  maxLines: number;
  /** Width reserved right of the plot for the printed estimate (side mode only). */
  noteWidth: number;
};

/** Below this width the labels go above the marks rather than beside them. */
export const STACKED_BELOW = 640;

/** Column widths and wrapping for a row chart `width` px wide whose notes are up to `noteChars` long. */
export function rowLayout(width: number, noteChars: number): RowLayout {
  if (width < STACKED_BELOW) {
    const fontSize = 12;
    const labelWidth = Math.max(120, width - 16);
    return { mode: "stacked", fontSize, lineHeight: 15, labelWidth, charsPerLine: Math.floor(labelWidth / charWidth(fontSize)), maxLines: 3, noteWidth: 0 };
  }
  const fontSize = 12.5;
  const noteWidth = Math.ceil(Math.min(260, noteChars * charWidth(fontSize) + 16));
  const labelWidth = Math.round(Math.min(460, Math.max(200, width * 0.36)));
  return { mode: "side", fontSize, lineHeight: 15, labelWidth, charsPerLine: Math.floor((labelWidth - 12) / charWidth(fontSize)), maxLines: 3, noteWidth };
}

/** Height of one row: its label lines plus, when stacked, the strip its mark is drawn in. */
export function rowHeight(layout: RowLayout, labelLines: number): number {
  const text = Math.max(1, labelLines) * layout.lineHeight;
  return layout.mode === "stacked" ? text + 24 : Math.max(26, text + 13);
}
