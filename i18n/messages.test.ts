// Every interface string exists in both languages, with the same placeholders and tags, and every
// vocabulary entry has its Chinese label (labelZh) for the Chinese interface.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { isPluralElement, isSelectElement, isTagElement, parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import en from "../messages/en.json";
import zh from "../messages/zh.json";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

/** The ICU arguments ({count}, {label}) and rich-text tags (<map>) a message uses, read by the ICU parser (select and plural branches are text, not arguments). */
function argumentsOf(message: string): string[] {
  const found = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const e of elements) {
      if (isTagElement(e)) {
        found.add(`<${e.value}>`);
        walk(e.children);
      } else if ("value" in e && e.type !== TYPE.literal) found.add(e.value);
      if (isSelectElement(e) || isPluralElement(e)) for (const option of Object.values(e.options)) walk(option.value);
    }
  };
  walk(parse(message));
  return [...found].sort();
}

describe("messages", () => {
  const english = flatten(en as Tree);
  const chinese = flatten(zh as Tree);
  it("have the same keys in English and Chinese", () => {
    expect([...chinese.keys()].filter((k) => !english.has(k))).toEqual([]);
    expect([...english.keys()].filter((k) => !chinese.has(k))).toEqual([]);
    expect(english.size).toBeGreaterThan(150);
  });
  it("use the same placeholders and tags in both languages", () => {
    const differ = [...english].filter(([k, v]) => argumentsOf(v).join() !== argumentsOf(chinese.get(k) ?? "").join()).map(([k]) => k);
    expect(differ).toEqual([]);
  });
  it("are never empty, and the Chinese ones are written in Chinese", () => {
    expect([...english, ...chinese].filter(([, v]) => !v.trim()).map(([k]) => k)).toEqual([]);
    const untranslated = [...chinese].filter(([, v]) => !/[\u4e00-\u9fff]/.test(v) && !/^[\s\p{P}\p{S}{}\w]*$/u.test(v.replace(/\{[^}]*\}/g, "")));
    expect(untranslated.map(([k]) => k)).toEqual([]);
  });
});

describe("vocabulary labels in Chinese", () => {
  const vocab = path.join(process.cwd(), "content", "vocab");
  for (const file of ["endpoints.yaml", "treatments.yaml", "molecular-groups.yaml", "designs.yaml", "source-levels.yaml"]) {
    it(`${file}: every entry has a labelZh (an allele such as KRAS G12D is written the same)`, () => {
      const entries = parseYaml(readFileSync(path.join(vocab, file), "utf8")) as { code: string; labelZh?: string }[];
      expect(entries.filter((e) => !e.labelZh?.trim()).map((e) => e.code)).toEqual([]);
    });
  }
});
