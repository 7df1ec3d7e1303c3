import { describe, expect, it } from "vitest";
import {
  fileSlug,
  thinTicks,
  niceStep,
  formatCount,
  formatInterval,
  formatNumber,
  formatP,
  linearTicks,
  logTicks,
  niceCeil,
  paddedLinearDomain,
  paddedLogDomain,
  rowHeight,
  rowLayout,
  truncateLabel,
  wrapLabel,
} from "./format";

describe("paddedLogDomain", () => {
  it("covers the data and 1, snapped outwards to labelled ticks (NCCH 2024 OS HRs, 0.49–6.47)", () => {
    expect(paddedLogDomain([0.97, 0.49, 1.94, 2.48, 1.31, 4.7, 3.37, 1.76, 6.47])).toEqual([0.25, 10]);
  });
  it("always includes 1, even when every ratio is above it", () => {
    expect(paddedLogDomain([2.2, 1.4, 3.44])).toEqual([0.5, 4]);
    expect(paddedLogDomain([2.2, 1.4, 3.9])).toEqual([0.5, 10]);
  });
  it("ignores bounds of 0 (not drawable on a log axis) and clamps to 0.01–100", () => {
    expect(paddedLogDomain([0.06, 0, 1.31])).toEqual([0.05, 2]);
    expect(paddedLogDomain([0.001, 500])).toEqual([0.01, 100]);
  });
  it("gives a usable domain for no data", () => {
    expect(paddedLogDomain([])).toEqual([0.5, 2]);
  });
});

describe("logTicks", () => {
  it("lists the conventional ratio ticks inside the domain", () => {
    expect(logTicks([0.1, 10])).toEqual([0.1, 0.25, 0.5, 1, 2, 4, 10]);
    expect(logTicks([0.25, 10])).toEqual([0.25, 0.5, 1, 2, 4, 10]);
  });
  it("thins a wide domain, keeping decades, 1 and the ends", () => {
    const ticks = logTicks([0.01, 100], 7);
    expect(ticks.length).toBeLessThanOrEqual(7);
    expect(ticks).toEqual(expect.arrayContaining([0.01, 0.1, 1, 10, 100]));
  });
});

describe("thinTicks", () => {
  it("keeps every tick when there is room", () => {
    expect(thinTicks([0.25, 0.5, 1, 2, 4], 6, 1)).toEqual([0.25, 0.5, 1, 2, 4]);
  });
  it("drops every other tick on a narrow axis but keeps the ends and 1", () => {
    expect(thinTicks([0.25, 0.5, 1, 2, 4, 10, 20, 50, 100], 5, 1)).toEqual([0.25, 1, 4, 20, 100]);
    expect(thinTicks([0.5, 1, 2, 4, 10, 20, 50], 4, 1)).toEqual([0.5, 1, 4, 20, 50]);
  });
});

describe("linear domains", () => {
  it("rounds up to 1, 2, 2.5 or 5 times a power of ten", () => {
    expect(niceCeil(70.03)).toBe(100);
    expect(niceCeil(21)).toBe(25);
    expect(niceCeil(4)).toBe(5);
    expect(niceCeil(0)).toBe(0);
    expect(niceStep(92.5)).toBe(20);
  });
  it("starts at 0 for positive medians and pads the top", () => {
    expect(paddedLinearDomain([44.03, 36.19, 51.87, 88.07])).toEqual([0, 100]);
  });
  it("extends below 0 for a negative range bound", () => {
    expect(paddedLinearDomain([63.5, -257, 100])).toEqual([-300, 200]);
  });
  it("makes evenly spaced ticks", () => {
    expect(linearTicks([0, 100])).toEqual([0, 20, 40, 60, 80, 100]);
    expect(linearTicks([-300, 200])).toEqual([-300, -200, -100, 0, 100, 200]);
    expect(linearTicks([0, 25])).toEqual([0, 5, 10, 15, 20, 25]);
  });
});

describe("labels", () => {
  it("truncates with an ellipsis", () => {
    expect(truncateLabel("Spectrum HAI 2022", 40)).toBe("Spectrum HAI 2022");
    expect(truncateLabel("Spectrum HAI 2022", 10)).toBe("Spectrum…");
  });
  it("wraps at spaces and marks the cut when lines run out", () => {
    const label = "SYSU early progression · Poorly differentiated primary vs Well or moderately differentiated primary · univariable";
    expect(wrapLabel("NCCH 2024 · RAS-mutant vs RAS wild-type", 40, 3)).toEqual({ lines: ["NCCH 2024 · RAS-mutant vs RAS wild-type"], truncated: false });
    const wrapped = wrapLabel(label, 30, 3);
    expect(wrapped.truncated).toBe(true);
    expect(wrapped.lines).toHaveLength(3);
    expect(wrapped.lines.every((l) => l.length <= 30)).toBe(true);
    expect(wrapped.lines[0]).toBe("SYSU early progression ·");
    expect(wrapped.lines[2]!.endsWith("…")).toBe(true);
  });
  it("cuts words longer than a line", () => {
    expect(wrapLabel("abcdefghij", 4, 5).lines).toEqual(["abcd", "efgh", "ij"]);
  });
});

describe("number text", () => {
  it("prints values as given, with a true minus", () => {
    expect(formatNumber(3.37)).toBe("3.37");
    expect(formatNumber(0.1 + 0.2)).toBe("0.3");
    expect(formatNumber(-257)).toBe("−257");
  });
  it("prints intervals, counts and p", () => {
    expect(formatInterval(1.76, 6.47)).toBe("1.76–6.47");
    expect(formatInterval(null, 6.47)).toBeNull();
    expect(formatCount(27, 121)).toBe("27/121");
    expect(formatCount(null, 16)).toBe("n = 16");
    expect(formatCount(null, null)).toBeNull();
    expect(formatP("<0.001")).toBe("p < 0.001");
    expect(formatP(".038")).toBe("p = .038");
    expect(formatP(null)).toBeNull();
  });
  it("makes file names from titles", () => {
    expect(fileSlug("Overall survival: HR (log scale)")).toBe("overall-survival-hr-log-scale");
    expect(fileSlug("Réponse ⚑")).toBe("reponse");
    expect(fileSlug("⚑")).toBe("chart");
  });
});

describe("row layout", () => {
  it("puts labels beside the plot on wide screens and above the marks on phones", () => {
    const wide = rowLayout(1280, 20);
    expect(wide.mode).toBe("side");
    expect(wide.labelWidth).toBe(460);
    const phone = rowLayout(343, 20);
    expect(phone.mode).toBe("stacked");
    expect(phone.noteWidth).toBe(0);
    expect(phone.charsPerLine).toBeGreaterThanOrEqual(45);
  });
  it("grows rows with the number of label lines", () => {
    const wide = rowLayout(1280, 20);
    expect(rowHeight(wide, 1)).toBe(28);
    expect(rowHeight(wide, 3)).toBe(58);
    expect(rowHeight(rowLayout(343, 20), 2)).toBe(54);
  });
});
