import { describe, expect, it } from "vitest";
import { clipValue, formatIgnored, formatIgnoredIn, ignored, ignoredReason, ignoredText, unknownParameters } from "./ignored";
import { parseFiltersLenientWithNotes, type Vocabulary } from "./filters";

const vocab: Vocabulary = {
  endpoint: ["OS", "PFS"],
  treatment: ["hepatectomy"],
  group: ["RAS", "KRAS"],
  study: ["become"],
  measure: ["HR"],
  design: ["rct"],
  sourceLevel: ["primary"],
  analysis: ["multivariable"],
  kind: ["effect"],
};

describe("what a page ignored, in one form", () => {
  it("names the parameter, the value and why", () => {
    const { filters, ignored: notes } = parseFiltersLenientWithNotes(new URLSearchParams("group=FOO&group=RAS&endpoint=OS"), vocab);
    expect(filters.group).toEqual(["RAS"]);
    expect(ignoredText(notes)).toBe("Ignored: group=FOO (unknown molecular group).");
  });

  it("names each unknown value up to three and counts the rest", () => {
    const { ignored: notes } = parseFiltersLenientWithNotes(new URLSearchParams("endpoint=a,b,c,d,e,OS"), vocab);
    expect(notes.map(formatIgnored)).toEqual([
      "endpoint=a (unknown endpoint)",
      "endpoint=b (unknown endpoint)",
      "endpoint=c (unknown endpoint)",
      "endpoint (2 more unknown values)",
    ]);
  });

  it("never quotes a 10 kB value whole, and flattens control characters", () => {
    const long = "<script>alert(1)</script>".repeat(400);
    const text = ignoredText(parseFiltersLenientWithNotes(new URLSearchParams({ group: long }), vocab).ignored);
    expect(text.length).toBeLessThan(200);
    expect(text).toContain(`group=${long.slice(0, 40)}… (${long.length} characters)`);
    expect(text).toContain("longer than 100 characters");
    expect(clipValue("a\u0000b\nc")).toBe("a b c");
    expect(formatIgnored(ignored("x".repeat(100), null, "why"))).toBe(`${"x".repeat(40)}… (100 characters) (why)`);
  });

  it("clips by characters, not UTF-16 units (no half emoji)", () => {
    expect(clipValue("😀".repeat(50))).toBe(`${"😀".repeat(40)}… (50 characters)`);
  });

  it("says which numbers were clamped and what was used", () => {
    const { ignored: notes } = parseFiltersLenientWithNotes(new URLSearchParams({ offset: "9223372036854775807", flagged: "maybe" }), vocab);
    expect(ignoredText(notes)).toBe(
      "Ignored: offset=9223372036854775807 (not a whole number from 0 to 10000000; 10000000 used); flagged=maybe (must be true or false).",
    );
  });

  it("names parameters the page does not read, a few at most", () => {
    const params = new URLSearchParams("grup=KRAS&endpoint=OS&a=1&b=2&c=3&d=4&e=5");
    expect(unknownParameters(params, ["endpoint"]).map(formatIgnored)).toEqual([
      "grup=KRAS (not a parameter of this page)",
      "a=1 (not a parameter of this page)",
      "b=2 (not a parameter of this page)",
      "c=3 (not a parameter of this page)",
      "d=4 (not a parameter of this page)",
      "1 more parameter (not read by this page)",
    ]);
    expect(unknownParameters(new URLSearchParams("endpoint=OS"), ["endpoint"])).toEqual([]);
    expect(ignoredText([])).toBe("");
  });

  it("says it in Chinese for locale zh, parameter names and values as given; English unchanged", () => {
    const { ignored: notes } = parseFiltersLenientWithNotes(new URLSearchParams({ group: "FOO", offset: "-5", flagged: "maybe" }), vocab);
    expect(ignoredText(notes, "zh")).toBe("已忽略：group=FOO（未知的分子分组）；offset=-5（不是 0 至 10000000 之间的整数；采用 0）；flagged=maybe（必须为 true 或 false）。");
    expect(ignoredText(notes, "en")).toBe(ignoredText(notes));
    const unknown = unknownParameters(new URLSearchParams("grup=KRAS&a=1&b=2"), [], 2);
    expect(unknown.map((n) => formatIgnoredIn(n, "zh"))).toEqual(["grup=KRAS（不是此页面的参数）", "a=1（不是此页面的参数）", "另有 1 个参数（此页面不读取）"]);
    expect(ignoredReason("unknown view; allowed: table, profile; the table shown", "zh")).toBe("未知的视图；允许的值：table, profile；显示表格");
    // A reason without a Chinese form stays as given rather than being guessed.
    expect(ignoredReason("something new", "zh")).toBe("something new");
  });
});
