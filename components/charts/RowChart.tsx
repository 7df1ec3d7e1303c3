"use client";
// One labelled row per estimate, grouped under optional header rows: the shape the forest plot,
// the arm chart and the allele spectrum share. Labels sit beside the plot on wide screens and above
// each row's mark on phones; the height grows with the number of rows.
import { useMemo } from "react";
import {
  CartesianGrid,
  ComposedChart,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
  ZIndexLayer,
  useXAxisScale,
  useYAxisScale,
  type TooltipContentProps,
  type YAxisTickContentProps,
} from "recharts";
import { COLOURS, charWidth, formatNumber, rowHeight, rowLayout, wrapLabel, type RowLayout } from "./format";
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
const AXIS_HEIGHT = 46;
const MARGIN_TOP = 6;
const MARGIN_BOTTOM = 2;

type PlacedRow = { row: ChartRow; lines: string[]; noteInline: boolean; full: string };

/** Wraps every label for the layout and sizes the rows (all rows share the tallest band). */
function placeRows(rows: ChartRow[], width: number) {
  const noteChars = Math.max(0, ...rows.map((r) => (r.kind === "item" ? r.note.length : 0)));
  const layout = rowLayout(width, noteChars);
  const grouped = rows.some((r) => r.kind === "header");
  const headerChars = Math.floor((width - 16) / charWidth(layout.fontSize + 0.5));
  const placed: PlacedRow[] = rows.map((row) => {
    if (row.kind === "header") return { row, lines: wrapLabel(row.label, headerChars, 2).lines, noteInline: false, full: row.label };
    const full = `${row.flagged ? `${FLAG} ` : ""}${row.label}`;
    const chars = layout.charsPerLine - (grouped && layout.mode === "side" ? 2 : 0);
    const { lines } = wrapLabel(full, chars, layout.maxLines);
    if (layout.mode === "side") return { row, lines, noteInline: false, full };
    // Phones: the estimate follows the label, on its last line when it fits.
    const last = lines.at(-1) ?? "";
    if (last.length + 3 + row.note.length <= layout.charsPerLine) return { row, lines, noteInline: true, full };
    return { row, lines: [...lines, ""], noteInline: true, full };
  });
  const maxLines = Math.max(1, ...placed.map((p) => p.lines.length));
  const band = rowHeight(layout, maxLines);
  const height = rows.length * band + MARGIN_TOP + MARGIN_BOTTOM + AXIS_HEIGHT;
  return { layout, placed, band, height, grouped };
}

/** The height a RowChart of these rows will take at `width` (for the frame's placeholder). */
export function estimateRowChartHeight(rows: ChartRow[], width = 1000): number {
  return placeRows(rows, width).height;
}

export function RowChart({ width, rows, axis, referenceAt, notePlacement, title }: Props) {
  const { layout, placed, band, height, grouped } = useMemo(() => placeRows(rows, width), [rows, width]);
  const byKey = useMemo(() => new Map(placed.map((p) => [p.row.key, p])), [placed]);
  const side = layout.mode === "side";
  const margin = { top: MARGIN_TOP, bottom: MARGIN_BOTTOM, left: side ? 0 : 8, right: side ? layout.noteWidth : 12 };
  const format = (v: number) => `${formatNumber(v)}${axis.unitSuffix ?? ""}`;

  const tick = (props: YAxisTickContentProps) => {
    const placedRow = byKey.get(String(props.payload.value));
    if (!placedRow) return <g />;
    return (
      <RowLabel
        placed={placedRow}
        y={Number(props.y)}
        layout={layout}
        band={band}
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
      data={rows}
      margin={margin}
      accessibilityLayer={false}
      title={title}
      style={{ fontFamily: "var(--font)", overflow: "visible" }}
    >
      <CartesianGrid horizontal={false} stroke={COLOURS.grid} />
      <XAxis
        type="number"
        dataKey="value"
        scale={axis.scale}
        domain={axis.domain}
        ticks={axis.ticks}
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
        // A point scale (no bars to make bands): half a row of padding puts every row in the middle of its band.
        padding={{ top: band / 2, bottom: band / 2 }}
        width={side ? layout.labelWidth : 1}
        interval={0} tick={tick} tickLine={false} axisLine={side} stroke={COLOURS.line} />
      {referenceAt !== undefined && <ReferenceLine x={referenceAt} stroke={COLOURS.fg} strokeWidth={1.2} ifOverflow="hidden" />}
      <Tooltip content={(props) => <RowTooltip {...props} byKey={byKey} />} cursor={{ fill: "rgba(11, 92, 173, 0.07)" }} isAnimationActive={false} />
      <ZIndexLayer zIndex={600}>
        <RowMarks placed={placed} axis={axis} band={band} layout={layout} noteAtEnd={side && notePlacement === "end"} />
      </ZIndexLayer>
    </ComposedChart>
  );
}

function RowLabel({
  placed,
  y,
  layout,
  band,
  indent,
  left,
  noteX,
}: {
  placed: PlacedRow;
  y: number;
  layout: RowLayout;
  band: number;
  indent: number;
  left: number;
  noteX: number | null;
}) {
  const { row, lines } = placed;
  const { fontSize, lineHeight } = layout;
  const x = left + 4;
  if (row.kind === "header") {
    // Sits at the foot of its band, next to the rows it heads.
    const lastBaseline = y + band / 2 - 7;
    return (
      <text x={x} y={lastBaseline - (lines.length - 1) * lineHeight} fontSize={fontSize + 0.5} fontWeight={700} fill={COLOURS.fg}>
        {lines.map((line, i) => (
          <tspan key={i} x={x} dy={i === 0 ? 0 : lineHeight}>
            {line}
          </tspan>
        ))}
      </text>
    );
  }
  const firstBaseline =
    layout.mode === "side" ? y - ((lines.length - 1) * lineHeight) / 2 + fontSize * 0.35 : y - band / 2 + 4 + fontSize * 0.9;
  const fill = row.flagged ? COLOURS.flag : COLOURS.fg;
  return (
    <g>
      <a href={row.href}>
        <title>{`${placed.full} — ${row.note}`}</title>
        <text x={x + indent} y={firstBaseline} fontSize={fontSize} fill={fill}>
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
        <text x={noteX} y={y + fontSize * 0.35} fontSize={fontSize} fill={fill} style={{ fontVariantNumeric: "tabular-nums" }}>
          {row.note}
        </text>
      )}
    </g>
  );
}

function RowMarks({ placed, axis, band, layout, noteAtEnd }: { placed: PlacedRow[]; axis: ValueAxis; band: number; layout: RowLayout; noteAtEnd: boolean }) {
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  if (!xScale || !yScale) return null;
  const [lo, hi] = axis.domain;
  const drawable = (v: number) => (axis.scale === "log" ? v > 0 : Number.isFinite(v));
  const clampX = (v: number) => xScale(Math.min(hi, Math.max(lo, v))) ?? 0;
  const barBase = clampX(axis.scale === "log" ? 1 : Math.max(lo, 0));
  return (
    <g className="row-marks">
      {placed.map(({ row }) => {
        if (row.kind !== "item") return null;
        const centre = yScale(row.key, { position: "middle" });
        if (centre === undefined) return null;
        // Side by side: marks on the label's centre line; phones: in the strip under the label.
        const y = layout.mode === "side" ? centre : centre + band / 2 - 11;
        const x = clampX(row.value);
        const valueOutside = row.value < lo || row.value > hi;
        const hasInterval = row.lower !== null && row.upper !== null;
        const lowClipped = hasInterval && (!drawable(row.lower!) || row.lower! < lo);
        const highClipped = hasInterval && row.upper! > hi;
        const x1 = hasInterval ? (lowClipped ? clampX(lo) : clampX(row.lower!)) : x;
        const x2 = hasInterval ? (highClipped ? clampX(hi) : clampX(row.upper!)) : x;
        const { mark } = row;
        const barHeight = layout.mode === "side" ? Math.min(16, band - 10) : 12;
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
              <text x={end + 6} y={y + layout.fontSize * 0.35} fontSize={layout.fontSize} fill={row.flagged ? COLOURS.flag : COLOURS.fg}>
                {row.note}
              </text>
            )}
          </a>
        );
      })}
    </g>
  );
}

function RowTooltip({ active, label, byKey }: TooltipContentProps & { byKey: Map<string, PlacedRow> }) {
  if (!active) return null;
  const placed = byKey.get(String(label));
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
