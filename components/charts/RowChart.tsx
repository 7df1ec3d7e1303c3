"use client";
// One labelled row per estimate, grouped under optional header rows: the shape the forest plot,
// the arm chart and the allele spectrum share. Labels sit beside the plot on wide screens and above
// each row's mark on phones; the height grows with the number of rows.
import { useMemo } from "react";
import {
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
  ZIndexLayer,
  useActiveTooltipLabel,
  useXAxisScale,
  useYAxisScale,
  type TooltipContentProps,
  type YAxisTickContentProps,
} from "recharts";
import { COLOURS, charWidth, formatNumber, rowHeight, rowLayout, thinTicks, wrapLabel, type RowLayout } from "./format";
import styles from "./ChartFrame.module.css";

/** "diamond": a pooled estimate, drawn across its CI (lower to upper) rather than with whiskers. size: a square's side in px (weight). */
export type RowMark = { shape: "square" | "circle" | "bar" | "diamond"; fill: string; stroke: string; dash?: string; size?: number };
export type HeaderRow = { kind: "header"; key: string; label: string };
export type ItemRow = {
  kind: "item";
  key: string;
  /** Row label as the series gives it; wrapped or cut on screen, in full in the link title. */
  label: string;
  flagged: boolean;
  /** The estimate as printed beside the row ("HR 3.37 (1.76–6.47) · p < 0.001"). */
  note: string;
  value: number;
  lower: number | null;
  upper: number | null;
  /** Dash pattern of the interval ("range" whiskers are dashed, CIs solid). */
  intervalDash?: string;
  mark: RowMark;
  /** Where the label and mark lead (the record); none for a computed row such as a pooled diamond. */
  href?: string;
  /** Bold label (a pooled row). */
  emphasis?: boolean;
  /** A prediction interval, drawn as a dashed line beyond the mark's own interval. */
  prediction?: { lower: number; upper: number } | null;
  /** Tooltip lines. */
  details: string[];
  /** Lines the label may wrap to before it is cut (default: the layout's). */
  maxLines?: number;
};
export type ChartRow = HeaderRow | ItemRow;

export type ValueAxis = {
  scale: "log" | "linear";
  domain: [number, number];
  ticks: number[];
  label: string;
  unitSuffix?: string;
};

type Props = {
  width: number;
  rows: ChartRow[];
  axis: ValueAxis;
  /** Vertical reference line, e.g. 1 for ratios. */
  referenceAt?: number;
  /** "column": estimates aligned in a column at the right; "end": just past each bar or whisker. */
  notePlacement: "column" | "end";
  /** Chart title, used as the SVG's <title>. */
  title: string;
};

const FLAG = "⚑";
export const PREDICTION_DASH = "5 3";
const BOLD_WIDTH = 1.1;
/** A white outline under text drawn across grid and reference lines (phones), so it stays legible. */
const HALO = { stroke: "#ffffff", strokeWidth: 3, strokeLinejoin: "round", paintOrder: "stroke" } as const;
const AXIS_HEIGHT = 46;
const MARGIN_TOP = 4;
const MARGIN_BOTTOM = 2;
/**
 * Rows differ in height (one label wraps to three lines, a header takes one), but a category axis
 * spaces its categories evenly. So every row is cut into slots of SLOT px, one category each, and
 * drawn from its first slot.
 */
const SLOT = 5;
const SLOT_SEPARATOR = "@slot";

type PlacedRow = { row: ChartRow; lines: string[]; noteInline: boolean; full: string; height: number; firstSlot: string };
type Slot = { key: string; row: number; anchor: number };

/** The estimate beside the plot, wrapped to its column ("HR 0.97 (0.49 (printed 049)–1.94) · p = 0.91" does not fit one line). */
function noteLines(note: string, layout: RowLayout): string[] {
  return wrapLabel(note, Math.floor((layout.noteWidth - 14) / charWidth(layout.fontSize)), 3).lines;
}

/** Wraps every label for the layout and sizes each row to its own label. */
function placeRows(rows: ChartRow[], width: number, anchor: number) {
  const noteChars = Math.max(0, ...rows.map((r) => (r.kind === "item" ? r.note.length : 0)));
  const layout = rowLayout(width, noteChars);
  const side = layout.mode === "side";
  const grouped = rows.some((r) => r.kind === "header");
  const textLeft = side ? 4 : 18;
  // Headers are bold and may run across the plot: they have the whole width.
  const headerChars = Math.floor((width - textLeft - 16) / (charWidth(layout.fontSize + 0.5) * 1.1));
  const slots: Slot[] = [];
  const placed: PlacedRow[] = rows.map((row, index) => {
    let lines: string[];
    let noteInline = false;
    let full = row.label;
    let height: number;
    if (row.kind === "header") {
      lines = wrapLabel(row.label, headerChars, 2).lines;
      height = lines.length * layout.lineHeight + 9;
    } else {
      full = `${row.flagged ? `${FLAG} ` : ""}${row.label}`;
      // Bold text (an emphasised label, the note on phones) runs about a tenth wider than the estimate of charWidth.
      const chars = Math.floor((layout.charsPerLine - (grouped && side ? 2 : 0)) / (row.emphasis ? BOLD_WIDTH : 1));
      lines = wrapLabel(full, chars, row.maxLines ?? layout.maxLines).lines;
      if (!side) {
        // Phones: the estimate follows the label, on its last line when it fits.
        noteInline = true;
        const last = lines.at(-1) ?? "";
        if ((last.length + 2) * (row.emphasis ? BOLD_WIDTH : 1) + row.note.length * BOLD_WIDTH > layout.charsPerLine) lines = [...lines, ""];
      }
      // Beside the plot, a note wider than its column wraps (noteLines): the row is as tall as the longer of the two.
      height = rowHeight(layout, Math.max(lines.length, side ? noteLines(row.note, layout).length : 0));
    }
    height = Math.ceil(height / SLOT) * SLOT;
    // Keyed by position too, so two rows with one key can never merge into one category.
    const slotKey = (i: number) => `${index}:${row.key}${SLOT_SEPARATOR}${i}`;
    for (let i = 0; i < height / SLOT; i++) slots.push({ key: slotKey(i), row: index, anchor });
    const firstSlot = slotKey(0);
    return { row, lines, noteInline, full, height, firstSlot };
  });
  const height = slots.length * SLOT + MARGIN_TOP + MARGIN_BOTTOM + AXIS_HEIGHT;
  return { layout, placed, slots, height, grouped };
}

/**
 * Even thinning can leave two labelled ticks a few pixels apart on a narrow axis (50 and 100 on a
 * printed page): a tick too close to the one before is dropped, never an end or the reference line.
 */
function spacedTicks(ticks: number[], axis: ValueAxis, plotWidth: number, keep?: number, minGap = 30): number[] {
  const [lo, hi] = axis.domain;
  const at = (v: number) => (axis.scale === "log" ? Math.log(v / lo) / Math.log(hi / lo) : (v - lo) / (hi - lo)) * plotWidth;
  const fixed = (v: number) => v === ticks[0] || v === ticks.at(-1) || v === keep;
  const out: number[] = [];
  for (const t of ticks) {
    const previous = out.at(-1);
    if (previous === undefined || at(t) - at(previous) >= minGap) out.push(t);
    else if (fixed(t) && !fixed(previous)) out[out.length - 1] = t;
    else if (fixed(t)) out.push(t);
  }
  return out;
}

/** The height a RowChart of these rows will take at `width` (for the frame's placeholder). */
export function estimateRowChartHeight(rows: ChartRow[], width = 1000): number {
  return placeRows(rows, width, 0).height;
}

export function RowChart({ width, rows, axis, referenceAt, notePlacement, title }: Props) {
  const { layout, placed, slots, height, grouped } = useMemo(() => placeRows(rows, width, axis.domain[0]), [rows, width, axis.domain]);
  const slotRow = useMemo(() => new Map(slots.map((s) => [s.key, placed[s.row]!])), [slots, placed]);
  const side = layout.mode === "side";
  const margin = { top: MARGIN_TOP, bottom: MARGIN_BOTTOM, left: side ? 0 : 14, right: side ? layout.noteWidth : 16 };
  const plotWidth = width - margin.left - margin.right - (side ? layout.labelWidth : 0);
  const ticks = spacedTicks(thinTicks(axis.ticks, Math.floor(plotWidth / 42), referenceAt), axis, plotWidth, referenceAt);
  const format = (v: number) => `${formatNumber(v)}${axis.unitSuffix ?? ""}`;

  const tick = (props: YAxisTickContentProps) => {
    const key = String(props.payload.value);
    const placedRow = slotRow.get(key);
    if (!placedRow || placedRow.firstSlot !== key) return <g />;
    return (
      <RowLabel
        placed={placedRow}
        top={Number(props.y) - SLOT / 2}
        layout={layout}
        indent={grouped && side ? 12 : 0}
        left={margin.left}
        noteX={side && notePlacement === "column" ? width - layout.noteWidth + 10 : null}
      />
    );
  };

  return (
    <ComposedChart
      width={width}
      height={height}
      layout="vertical"
      data={slots}
      margin={margin}
      accessibilityLayer={false}
      title={title}
      style={{ fontFamily: "var(--font)", overflow: "visible" }}
    >
      <CartesianGrid horizontal={false} stroke={COLOURS.grid} />
      <XAxis
        type="number"
        scale={axis.scale}
        domain={axis.domain}
        ticks={ticks}
        allowDataOverflow
        interval={0}
        tickFormatter={format}
        tick={{ fontSize: 12, fill: COLOURS.fg }}
        stroke={COLOURS.muted}
        height={AXIS_HEIGHT}
        label={{ value: axis.label, position: "insideBottom", offset: 4, fill: COLOURS.fg, fontSize: 13, fontWeight: 600 }}
      />
      <YAxis
        type="category"
        dataKey="key"
        // A point scale (there are no bars to make bands): half a slot of padding centres each slot.
        padding={{ top: SLOT / 2, bottom: SLOT / 2 }}
        width={side ? layout.labelWidth : 1}
        interval={0}
        tick={tick}
        tickLine={false}
        axisLine={side}
        stroke={COLOURS.line}
      />
      {referenceAt !== undefined && <ReferenceLine x={referenceAt} stroke={COLOURS.fg} strokeWidth={1.2} ifOverflow="hidden" />}
      {/* Invisible: recharts shows a tooltip only when a graphical item gives it a payload. */}
      <Line dataKey="anchor" stroke="none" dot={false} activeDot={false} legendType="none" isAnimationActive={false} />
      <Tooltip content={(props) => <RowTooltip {...props} slotRow={slotRow} />} cursor={false} isAnimationActive={false} />
      <ZIndexLayer zIndex={-60}>
        <ActiveRow slotRow={slotRow} width={width} />
      </ZIndexLayer>
      <ZIndexLayer zIndex={600}>
        <RowMarks placed={placed} axis={axis} layout={layout} noteAtEnd={side && notePlacement === "end"} />
      </ZIndexLayer>
    </ComposedChart>
  );
}

function RowLabel({ placed, top, layout, indent, left, noteX }: { placed: PlacedRow; top: number; layout: RowLayout; indent: number; left: number; noteX: number | null }) {
  const { row, lines, height } = placed;
  const { fontSize, lineHeight } = layout;
  const x = left + 4;
  if (row.kind === "header") {
    // Sits at the foot of its row, next to the rows it heads.
    const firstBaseline = top + height - 7 - (lines.length - 1) * lineHeight;
    return (
      <text x={x} y={firstBaseline} fontSize={fontSize + 0.5} fontWeight={700} fill={COLOURS.fg} {...HALO}>
        <title>{row.label}</title>
        {lines.map((line, i) => (
          <tspan key={i} x={x} dy={i === 0 ? 0 : lineHeight}>
            {line}
          </tspan>
        ))}
      </text>
    );
  }
  const centre = top + height / 2;
  const firstBaseline = layout.mode === "side" ? centre - ((lines.length - 1) * lineHeight) / 2 + fontSize * 0.35 : top + 4 + fontSize * 0.9;
  const fill = row.flagged ? COLOURS.flag : COLOURS.fg;
  const label = (
    <>
      <title>{`${placed.full} — ${row.note}`}</title>
        <text x={x + indent} y={firstBaseline} fontSize={fontSize} fontWeight={row.emphasis ? 700 : undefined} fill={fill} {...(layout.mode === "stacked" ? HALO : {})}>
          {lines.map((line, i) => (
            <tspan key={i} x={x + indent} dy={i === 0 ? 0 : lineHeight}>
              {line}
              {placed.noteInline && i === lines.length - 1 && (
                <tspan fontWeight={600} fill={fill}>
                  {line ? "  " : ""}
                  {row.note}
                </tspan>
              )}
            </tspan>
          ))}
        </text>
    </>
  );
  return (
    <g>
      {row.href ? <a href={row.href}>{label}</a> : <g>{label}</g>}
      {noteX !== null && (
        <text x={noteX} y={centre - ((noteLines(row.note, layout).length - 1) * lineHeight) / 2 + fontSize * 0.35} fontSize={fontSize} fontWeight={row.emphasis ? 700 : undefined} fill={fill} style={{ fontVariantNumeric: "tabular-nums" }}>
          {noteLines(row.note, layout).map((line, i) => (
            <tspan key={i} x={noteX} dy={i === 0 ? 0 : lineHeight}>
              {line}
            </tspan>
          ))}
        </text>
      )}
    </g>
  );
}

/** A pale band behind the row the pointer is on (the tooltip's row). */
function ActiveRow({ slotRow, width }: { slotRow: Map<string, PlacedRow>; width: number }) {
  const label = useActiveTooltipLabel();
  const yScale = useYAxisScale();
  const placed = label === undefined ? undefined : slotRow.get(String(label));
  if (!placed || placed.row.kind !== "item" || !yScale) return null;
  const firstCentre = yScale(placed.firstSlot);
  if (firstCentre === undefined) return null;
  return <rect x={0} y={firstCentre - SLOT / 2} width={width} height={placed.height} fill="rgba(11, 92, 173, 0.07)" />;
}

function RowMarks({ placed, axis, layout, noteAtEnd }: { placed: PlacedRow[]; axis: ValueAxis; layout: RowLayout; noteAtEnd: boolean }) {
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  if (!xScale || !yScale) return null;
  const [lo, hi] = axis.domain;
  const drawable = (v: number) => (axis.scale === "log" ? v > 0 : Number.isFinite(v));
  const clampX = (v: number) => xScale(Math.min(hi, Math.max(lo, v))) ?? 0;
  const barBase = clampX(axis.scale === "log" ? 1 : Math.max(lo, 0));
  return (
    <g className="row-marks">
      {placed.map(({ row, lines, height, firstSlot }) => {
        if (row.kind !== "item") return null;
        const firstCentre = yScale(firstSlot);
        if (firstCentre === undefined) return null;
        const top = firstCentre - SLOT / 2;
        // Side by side: marks on the label's centre line; phones: in the strip under the label.
        const y = layout.mode === "side" ? top + height / 2 : top + 4 + lines.length * layout.lineHeight + 9;
        const x = clampX(row.value);
        const valueOutside = row.value < lo || row.value > hi;
        const hasInterval = row.lower !== null && row.upper !== null;
        const lowClipped = hasInterval && (!drawable(row.lower!) || row.lower! < lo);
        const highClipped = hasInterval && row.upper! > hi;
        const x1 = hasInterval ? (lowClipped ? clampX(lo) : clampX(row.lower!)) : x;
        const x2 = hasInterval ? (highClipped ? clampX(hi) : clampX(row.upper!)) : x;
        const { mark } = row;
        const barHeight = layout.mode === "side" ? Math.min(16, height - 12) : 12;
        const pi = row.prediction ?? null;
        const piLowClipped = pi !== null && (!drawable(pi.lower) || pi.lower < lo);
        const piHighClipped = pi !== null && pi.upper > hi;
        const px1 = pi === null ? x1 : piLowClipped ? clampX(lo) : clampX(pi.lower);
        const px2 = pi === null ? x2 : piHighClipped ? clampX(hi) : clampX(pi.upper);
        const end = Math.max(x, x2, pi ? px2 : x2);
        const diamondHalf = layout.mode === "side" ? Math.min(7, (height - 8) / 2) : 6;
        const diamond = mark.shape === "diamond";
        const drawn = (
          <>
            {pi !== null && (
              // The prediction interval: dashed, beyond the diamond, with ticks (arrows where clipped).
              <g stroke={COLOURS.fg} strokeWidth={1.3} fill="none" className="prediction-interval">
                <line x1={px1} x2={px2} y1={y} y2={y} strokeDasharray={PREDICTION_DASH} />
                {piLowClipped ? <path d={`M${px1 + 6},${y - 4} L${px1},${y} L${px1 + 6},${y + 4}`} /> : <line x1={px1} x2={px1} y1={y - 4} y2={y + 4} />}
                {piHighClipped ? <path d={`M${px2 - 6},${y - 4} L${px2},${y} L${px2 - 6},${y + 4}`} /> : <line x1={px2} x2={px2} y1={y - 4} y2={y + 4} />}
              </g>
            )}
            {mark.shape === "bar" && (
              <rect
                x={Math.min(barBase, x)}
                y={y - barHeight / 2}
                width={Math.max(1, Math.abs(x - barBase))}
                height={barHeight}
                fill={mark.fill}
                stroke={mark.stroke}
                strokeWidth={1.2}
                strokeDasharray={mark.dash}
              />
            )}
            {diamond && (
              <polygon
                className="pooled-diamond"
                points={`${x1},${y} ${x},${y - diamondHalf} ${x2},${y} ${x},${y + diamondHalf}`}
                fill={mark.fill}
                stroke={mark.stroke}
                strokeWidth={1.4}
                strokeDasharray={mark.dash}
              />
            )}
            {diamond && lowClipped && <path d={`M${x1 + 6},${y - 4} L${x1},${y} L${x1 + 6},${y + 4}`} stroke={mark.stroke} strokeWidth={1.5} fill="none" />}
            {diamond && highClipped && <path d={`M${x2 - 6},${y - 4} L${x2},${y} L${x2 - 6},${y + 4}`} stroke={mark.stroke} strokeWidth={1.5} fill="none" />}
            {hasInterval && !diamond && (
              <g stroke={mark.shape === "bar" ? COLOURS.fg : mark.stroke} strokeWidth={1.5} fill="none">
                <line x1={x1} x2={x2} y1={y} y2={y} strokeDasharray={row.intervalDash} />
                {lowClipped ? <path d={`M${x1 + 6},${y - 4} L${x1},${y} L${x1 + 6},${y + 4}`} /> : <line x1={x1} x2={x1} y1={y - 4} y2={y + 4} />}
                {highClipped ? <path d={`M${x2 - 6},${y - 4} L${x2},${y} L${x2 - 6},${y + 4}`} /> : <line x1={x2} x2={x2} y1={y - 4} y2={y + 4} />}
              </g>
            )}
            {mark.shape === "square" && (
              <rect x={x - (mark.size ?? 9) / 2} y={y - (mark.size ?? 9) / 2} width={mark.size ?? 9} height={mark.size ?? 9} fill={mark.fill} stroke={mark.stroke} strokeWidth={1.6} strokeDasharray={mark.dash} />
            )}
            {mark.shape === "circle" && <circle cx={x} cy={y} r={4.8} fill={mark.fill} stroke={mark.stroke} strokeWidth={1.6} strokeDasharray={mark.dash} />}
            {valueOutside && (
              <text x={x} y={y - 7} textAnchor="middle" fontSize={10} fill={COLOURS.fg}>
                {row.value < lo ? "◀" : "▶"}
              </text>
            )}
            {noteAtEnd && (
              <text x={end + (mark.shape === "bar" ? 6 : 10)} y={y + layout.fontSize * 0.35} fontSize={layout.fontSize} fill={row.flagged ? COLOURS.flag : COLOURS.fg}>
                {row.note}
              </text>
            )}
          </>
        );
        return row.href ? (
          <a key={row.key} href={row.href} tabIndex={-1} aria-hidden="true">
            {drawn}
          </a>
        ) : (
          <g key={row.key} aria-hidden="true">
            {drawn}
          </g>
        );
      })}
    </g>
  );
}

function RowTooltip({ active, label, slotRow }: TooltipContentProps & { slotRow: Map<string, PlacedRow> }) {
  if (!active) return null;
  const placed = slotRow.get(String(label));
  if (!placed || placed.row.kind !== "item") return null;
  const { row } = placed;
  return (
    <div className={styles.tooltip}>
      <p className={`${styles.tooltipTitle}${row.flagged ? ` ${styles.tooltipFlag}` : ""}`}>{placed.full}</p>
      {row.details.map((line, i) => (
        <p key={i}>{line}</p>
      ))}
    </div>
  );
}
