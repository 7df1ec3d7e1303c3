"use client";
// The frame every chart sits in: title, chart, legend, caption, SVG/PNG download and the same
// figures as a table (for screen readers, for print, and for anyone who wants the numbers).
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from "react";
import { flushSync } from "react-dom";
import { COLOURS, fileSlug, wrapLabel, charWidth } from "./format";
import styles from "./ChartFrame.module.css";

export type LegendMark = {
  shape: "square" | "circle" | "bar" | "whisker" | "line" | "diamond";
  fill?: string;
  stroke?: string;
  dash?: string;
};
export type LegendItem = { label: string; mark: LegendMark };
export type DataTable = { columns: string[]; rows: { key: string; cells: ReactNode[] }[] };

type Props = {
  title: string;
  /** Plain sentence(s) printed under the chart, e.g. what a ratio above 1 means. */
  caption?: string[];
  legend?: LegendItem[];
  table: DataTable;
  /** File name without extension; defaults to the title as a slug. */
  fileName?: string;
  /** Height reserved before the width is known (avoids a jump on hydration). */
  estimatedHeight: number;
  /** Draws the chart for the measured width in CSS pixels. */
  children: (width: number) => ReactNode;
  /** Printed under the caption, not part of the downloads (e.g. the pooled summary and its link). */
  footer?: ReactNode;
};

export function ChartFrame({ title, caption = [], legend = [], table, fileName, estimatedHeight, children, footer }: Props) {
  const titleId = useId();
  const captionId = useId();
  const plotRef = useRef<HTMLDivElement>(null);
  const detailsRef = useRef<HTMLDetailsElement>(null);
  const legendRef = useRef<HTMLUListElement>(null);
  const screenWidth = useElementWidth(plotRef);
  // On paper the chart is redrawn for the page's width (labels and notes kept whole), not scaled from the screen's.
  const [printWidth, setPrintWidth] = useState(0);
  const width = printWidth && screenWidth ? Math.min(screenWidth, printWidth) : screenWidth;
  const [status, setStatus] = useState("");
  const t = useTranslations("chart");
  // A title in Chinese has no Latin letters to name a file with.
  const stem = fileName ?? (fileSlug(title) || "chart");

  // Print the data table with the chart even where ::details-content is not supported.
  useEffect(() => {
    const details = detailsRef.current;
    if (!details) return;
    let wasOpen = details.open;
    const before = () => {
      wasOpen = details.open;
      details.open = true;
      // Synchronously: the browser lays the page out for print right after this event.
      flushSync(() => setPrintWidth(PRINT_WIDTH));
    };
    const after = () => {
      details.open = wasOpen;
      setPrintWidth(0);
    };
    window.addEventListener("beforeprint", before);
    window.addEventListener("afterprint", after);
    return () => {
      window.removeEventListener("beforeprint", before);
      window.removeEventListener("afterprint", after);
    };
  }, []);

  const chartSvg = useCallback((): SVGSVGElement | null => {
    const root = plotRef.current;
    return root?.querySelector<SVGSVGElement>(".recharts-wrapper > svg") ?? root?.querySelector<SVGSVGElement>("svg") ?? null;
  }, []);

  const legendSwatches = useCallback(
    (): SVGSVGElement[] => [...(legendRef.current?.querySelectorAll<SVGSVGElement>(":scope > li > svg") ?? [])],
    [],
  );

  const downloadSvg = useCallback(() => {
    const svg = chartSvg();
    if (!svg) return setStatus(t("notDrawn"));
    const { markup } = standaloneSvg(svg, title, legend, legendSwatches(), caption);
    triggerDownload(new Blob([markup], { type: "image/svg+xml;charset=utf-8" }), `${stem}.svg`);
    setStatus(t("saved", { file: `${stem}.svg` }));
  }, [chartSvg, legendSwatches, title, legend, caption, stem, t]);

  const downloadPng = useCallback(() => {
    const svg = chartSvg();
    if (!svg) return setStatus(t("notDrawn"));
    const { markup, width: w, height: h } = standaloneSvg(svg, title, legend, legendSwatches(), caption);
    const url = URL.createObjectURL(new Blob([markup], { type: "image/svg+xml;charset=utf-8" }));
    const image = new Image();
    image.onload = () => {
      const scale = 2;
      const canvas = document.createElement("canvas");
      canvas.width = Math.ceil(w * scale);
      canvas.height = Math.ceil(h * scale);
      const context = canvas.getContext("2d");
      if (!context) return setStatus(t("noPng"));
      context.fillStyle = "#ffffff";
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.scale(scale, scale);
      context.drawImage(image, 0, 0, w, h);
      URL.revokeObjectURL(url);
      canvas.toBlob((blob) => {
        if (!blob) return setStatus(t("pngFailed"));
        triggerDownload(blob, `${stem}.png`);
        setStatus(t("saved", { file: `${stem}.png` }));
      }, "image/png");
    };
    image.onerror = () => {
      URL.revokeObjectURL(url);
      setStatus(t("pngFailed"));
    };
    image.src = url;
  }, [chartSvg, legendSwatches, title, legend, caption, stem, t]);

  return (
    <figure className={`chart-frame ${styles.frame}`} aria-labelledby={titleId} aria-describedby={caption.length ? captionId : undefined}>
      <h3 id={titleId}>{title}</h3>
      <div ref={plotRef} className={styles.plot} style={width ? undefined : { minHeight: estimatedHeight }}>
        {width > 0 ? children(width) : null}
      </div>
      {legend.length > 0 && (
        <ul ref={legendRef} className={styles.legend} aria-label={t("legend")}>
          {legend.map((item) => (
            <li key={item.label}>
              <LegendSwatch mark={item.mark} />
              <span>{item.label}</span>
            </li>
          ))}
        </ul>
      )}
      {caption.length > 0 && (
        <figcaption id={captionId} className={styles.caption}>
          {caption.map((sentence, i) => (
            <p key={i} className={i === 0 ? styles.meaning : "muted small"}>
              {sentence}
            </p>
          ))}
        </figcaption>
      )}
      {footer}
      <div className={styles.actions}>
        <button type="button" onClick={downloadSvg} aria-label={t("downloadSvgOf", { title })}>
          {t("downloadSvg")}
        </button>
        <button type="button" onClick={downloadPng} aria-label={t("downloadPngOf", { title })}>
          {t("downloadPng")}
        </button>
        <span className={styles.status} role="status">
          {status}
        </span>
      </div>
      <details ref={detailsRef} className={styles.data}>
        <summary>{t("dataTable", { count: table.rows.length })}</summary>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t("tableCaption", { title })}</caption>
            <thead>
              <tr>
                {table.columns.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row) => (
                <tr key={row.key}>
                  {row.cells.map((cell, i) => (
                    <td key={i}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

/** Tracks an element's content width (0 until measured: charts are drawn in the browser only). */
function useElementWidth(ref: React.RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setWidth(Math.floor(element.getBoundingClientRect().width));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

export function LegendSwatch({ mark, size = 14 }: { mark: LegendMark; size?: number }) {
  return (
    <svg width={size + 8} height={size} viewBox={`0 0 ${size + 8} ${size}`} aria-hidden="true" focusable="false">
      <MarkGlyph mark={mark} x={(size + 8) / 2} y={size / 2} size={size} />
    </svg>
  );
}

function MarkGlyph({ mark, x, y, size }: { mark: LegendMark; x: number; y: number; size: number }) {
  const fill = mark.fill ?? COLOURS.accent;
  const stroke = mark.stroke ?? COLOURS.fg;
  const r = size * 0.32;
  switch (mark.shape) {
    case "square":
      return <rect x={x - r} y={y - r} width={2 * r} height={2 * r} fill={fill} stroke={stroke} strokeWidth={1.5} strokeDasharray={mark.dash} />;
    case "circle":
      return <circle cx={x} cy={y} r={r} fill={fill} stroke={stroke} strokeWidth={1.5} strokeDasharray={mark.dash} />;
    case "bar":
      return <rect x={x - size * 0.55} y={y - size * 0.3} width={size * 1.1} height={size * 0.6} fill={fill} stroke={stroke} strokeWidth={1.2} strokeDasharray={mark.dash} />;
    case "whisker":
      return (
        <g stroke={stroke} strokeWidth={1.5} fill="none">
          <line x1={x - size * 0.6} x2={x + size * 0.6} y1={y} y2={y} strokeDasharray={mark.dash} />
          <line x1={x - size * 0.6} x2={x - size * 0.6} y1={y - 4} y2={y + 4} />
          <line x1={x + size * 0.6} x2={x + size * 0.6} y1={y - 4} y2={y + 4} />
        </g>
      );
    case "diamond":
      return <polygon points={`${x - size * 0.6},${y} ${x},${y - r} ${x + size * 0.6},${y} ${x},${y + r}`} fill={fill} stroke={stroke} strokeWidth={1.3} strokeDasharray={mark.dash} />;
    case "line":
      return <line x1={x} x2={x} y1={y - size / 2} y2={y + size / 2} stroke={stroke} strokeWidth={1.5} strokeDasharray={mark.dash} />;
  }
}

const STYLE_PROPERTIES = [
  "fill",
  "fill-opacity",
  "stroke",
  "stroke-width",
  "stroke-dasharray",
  "stroke-opacity",
  "stroke-linecap",
  "opacity",
  "font-family",
  "font-size",
  "font-weight",
  "font-style",
  "text-anchor",
  "dominant-baseline",
  "visibility",
] as const;

const SVG_NS = "http://www.w3.org/2000/svg";
/** CSS px across an A4 or US Letter page in portrait with the print margins (about 18 cm). */
const PRINT_WIDTH = 680;

/**
 * A copy of the chart's <svg> that renders on its own: computed styles inlined (colours, fonts),
 * links made absolute, and the title, legend and caption drawn around it on a white ground.
 */
function standaloneSvg(
  svg: SVGSVGElement,
  title: string,
  legend: LegendItem[],
  swatches: SVGSVGElement[],
  caption: string[],
): { markup: string; width: number; height: number } {
  const box = svg.getBoundingClientRect();
  const width = Math.ceil(box.width);
  const chartHeight = Math.ceil(box.height);
  const clone = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, clone);
  for (const a of clone.querySelectorAll("a")) {
    const href = a.getAttribute("href");
    if (href) a.setAttribute("href", new URL(href, window.location.href).href);
  }
  clone.removeAttribute("style");
  clone.removeAttribute("tabindex");
  clone.removeAttribute("role");
  const fontFamily = getComputedStyle(svg).fontFamily || "sans-serif";

  const pad = 12;
  const titleHeight = 26;
  const lineHeight = 16;
  const captionChars = Math.max(30, Math.floor((width - 2 * pad) / charWidth(12)));
  const captionLines = caption.flatMap((sentence) => wrapLabel(sentence, captionChars, 6).lines);
  // Legend items flow left to right and wrap like the HTML list.
  const legendRows: { x: number; item: LegendItem; index: number }[][] = [[]];
  let cursor = pad;
  for (const [index, item] of legend.entries()) {
    const itemWidth = 26 + item.label.length * charWidth(12) + 18;
    if (cursor + itemWidth > width - pad && legendRows.at(-1)!.length > 0) {
      legendRows.push([]);
      cursor = pad;
    }
    legendRows.at(-1)!.push({ x: cursor, item, index });
    cursor += itemWidth;
  }
  const legendHeight = legend.length ? legendRows.length * lineHeight + 6 : 0;
  const height = pad + titleHeight + chartHeight + legendHeight + captionLines.length * lineHeight + pad;

  const out = document.createElementNS(SVG_NS, "svg");
  out.setAttribute("xmlns", SVG_NS);
  out.setAttribute("xmlns:xlink", "http://www.w3.org/1999/xlink");
  out.setAttribute("width", String(width));
  out.setAttribute("height", String(height));
  out.setAttribute("viewBox", `0 0 ${width} ${height}`);
  out.setAttribute("font-family", fontFamily);
  const background = document.createElementNS(SVG_NS, "rect");
  for (const [k, v] of Object.entries({ x: "0", y: "0", width: String(width), height: String(height), fill: "#ffffff" })) background.setAttribute(k, v);
  out.appendChild(background);
  out.appendChild(svgText(title, pad, pad + 16, { "font-size": "15", "font-weight": "600", fill: COLOURS.fg }));

  clone.setAttribute("x", "0");
  clone.setAttribute("y", String(pad + titleHeight));
  clone.setAttribute("width", String(width));
  clone.setAttribute("height", String(chartHeight));
  out.appendChild(clone);

  let y = pad + titleHeight + chartHeight + 4;
  for (const row of legendRows) {
    if (!row.length) continue;
    for (const { x, item, index } of row) {
      const drawn = swatches[index]?.cloneNode(true) as SVGSVGElement | undefined;
      if (drawn) {
        inlineStyles(swatches[index]!, drawn);
        drawn.setAttribute("x", String(x));
        drawn.setAttribute("y", String(y));
        out.appendChild(drawn);
      }
      out.appendChild(svgText(item.label, x + 26, y + 11, { "font-size": "12", fill: COLOURS.fg }));
    }
    y += lineHeight;
  }
  if (legend.length) y += 6;
  for (const line of captionLines) {
    out.appendChild(svgText(line, pad, y + 12, { "font-size": "12", fill: COLOURS.fg }));
    y += lineHeight;
  }
  const markup = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(out)}`;
  return { markup, width, height };
}

function svgText(text: string, x: number, y: number, attributes: Record<string, string>): SVGTextElement {
  const node = document.createElementNS(SVG_NS, "text");
  node.setAttribute("x", String(x));
  node.setAttribute("y", String(y));
  for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, v);
  node.textContent = text;
  return node;
}

/** Elements that draw something; groups pass their styles down, so they need no copy of their own. */
const DRAWN = new Set(["svg", "text", "tspan", "line", "rect", "circle", "path", "polyline", "polygon", "ellipse"]);

function inlineStyles(source: Element, target: Element): void {
  if (DRAWN.has(source.localName)) copyStyles(source, target);
  const sourceChildren = source.children;
  const targetChildren = target.children;
  for (let i = 0; i < sourceChildren.length; i++) {
    const s = sourceChildren[i];
    const t = targetChildren[i];
    if (s && t) inlineStyles(s, t);
  }
}

function copyStyles(source: Element, target: Element): void {
  const computed = getComputedStyle(source);
  const declarations = STYLE_PROPERTIES.map((p) => [p, computed.getPropertyValue(p)] as const)
    .filter(([, v]) => v !== "" && v !== "normal" && v !== "auto")
    .map(([p, v]) => `${p}:${v}`);
  if (computed.display === "none") declarations.push("display:none");
  if (declarations.length) target.setAttribute("style", `${declarations.join(";")};${target.getAttribute("style") ?? ""}`);
}

function triggerDownload(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
