// A number exactly as the source printed it. The text is kept because the integrity checks need
// the printed precision ("7.00" allows 6.995-7.005; "7" allows 6.5-7.5).

export type Printed = {
  text: string;
  value: number;
  /** Digits after the decimal point in the printed text. */
  decimals: number;
};

const NUMBER = /^[-−]?(\d+(\.\d*)?|\.\d+)$/;

export function parsePrinted(text: string): Printed | null {
  const trimmed = text.trim();
  if (!NUMBER.test(trimmed)) return null;
  const normalised = trimmed.replace("−", "-");
  const dot = normalised.indexOf(".");
  return {
    text: trimmed,
    value: Number(normalised),
    decimals: dot === -1 ? 0 : normalised.length - dot - 1,
  };
}

/** Half a unit in the last printed place: the rounding error the printed text allows. */
export function halfUnit(p: Printed): number {
  return 0.5 * 10 ** -p.decimals;
}

export type PrintedP = {
  text: string;
  relation: "<" | "=" | ">" | "≤" | "≥";
  value: number;
  decimals: number;
};

/** Parses a p-value as printed: "<0.001", "0.03", ".04", "P=0.033", "< .01", "≤0.05". */
export function parsePrintedP(text: string): PrintedP | null {
  const match = /^\s*(?:p\s*)?(<|>|=|≤|≥|<=|>=)?\s*([0-9]*\.?[0-9]+)\s*$/i.exec(text.trim());
  if (!match) return null;
  const rel = match[1] === "<=" ? "≤" : match[1] === ">=" ? "≥" : ((match[1] ?? "=") as PrintedP["relation"]);
  const num = parsePrinted(match[2]!);
  if (!num || num.value < 0 || num.value > 1) return null;
  return { text: text.trim(), relation: rel, value: num.value, decimals: num.decimals };
}
