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

export type RowMark = { shape: "square" | "circle" | "bar"; fill: string; stroke: string; dash?: string };
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
  href: string;
  /** Tooltip lines. */
  details: string[];
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
      const chars = layout.charsPerLine - (grouped && side ? 2 : 0);
      lines = wrapLabel(full, chars, layout.maxLines).lines;
      if (!side) {
        // Phones: the estimate follows the label, on its last line when it fits.
        noteInline = true;
        const last = lines.at(-1) ?? "";
        if (last.length + 2 + row.note.length > layout.charsPerLine) lines = [...lines, ""];
      }
      height = rowHeight(layout, lines.length);
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
  const ticks = thinTicks(axis.ticks, Math.floor(plotWidth / 42), referenceAt);
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
  return (
    <g>
      <a href={row.href}>
        <title>{`${placed.full} — ${row.note}`}</title>
        <text x={x + indent} y={firstBaseline} fontSize={fontSize} fill={fill} {...(layout.mode === "stacked" ? HALO : {})}>
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
      </a>
      {noteX !== null && (
        <text x={noteX} y={centre + fontSize * 0.35} fontSize={fontSize} fill={fill} style={{ fontVariantNumeric: "tabular-nums" }}>
          {row.note}
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
        const end = Math.max(x, x2);
        return (
          <a key={row.key} href={row.href} tabIndex={-1} aria-hidden="true">
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
            {hasInterval && (
              <g stroke={mark.shape === "bar" ? COLOURS.fg : mark.stroke} strokeWidth={1.5} fill="none">
                <line x1={x1} x2={x2} y1={y} y2={y} strokeDasharray={row.intervalDash} />
                {lowClipped ? <path d={`M${x1 + 6},${y - 4} L${x1},${y} L${x1 + 6},${y + 4}`} /> : <line x1={x1} x2={x1} y1={y - 4} y2={y + 4} />}
                {highClipped ? <path d={`M${x2 - 6},${y - 4} L${x2},${y} L${x2 - 6},${y + 4}`} /> : <line x1={x2} x2={x2} y1={y - 4} y2={y + 4} />}
              </g>
            )}
            {mark.shape === "square" && (
              <rect x={x - 4.5} y={y - 4.5} width={9} height={9} fill={mark.fill} stroke={mark.stroke} strokeWidth={1.6} strokeDasharray={mark.dash} />
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
          </a>
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
