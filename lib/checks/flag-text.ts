// A flag's texts in words the interface can translate. The checks build each text as a message key
// with arguments (the templates are messages' flags.text.<key>, English and Chinese, kept in step by
// i18n/messages.test.ts); the build renders both languages once (English in flagFor, Chinese in
// lib/db/rows.ts) and stores both, so the read path only picks a column: a page of flags costs no
// formatting, at any size of the dataset. Numbers, locators, names and the curators' explanations
// are plain strings and stay as printed in both languages.
import { createTranslator } from "next-intl";
import en from "../../messages/en.json";
import zh from "../../messages/zh.json";
import type { SentenceLocale } from "../domain/sentence";

/** A template of messages' flags.text and its arguments. */
export type FlagPhrase = { key: string; args?: Record<string, FlagArg> };
/** A word with its Chinese from the clinician sentences' word lists (lib/domain/sentence.ts): a measure, a unit, a direction, a place. */
export type FlagWord = { en: string; zh: string };
/** An endpoint, named by its vocabulary label (labelZh in Chinese). */
export type FlagEndpoint = { endpoint: string; label: string };
/** A string stays as printed in both languages. */
export type FlagArg = string | FlagPhrase | FlagWord | FlagEndpoint;

export type FlagTexts = { summary: FlagPhrase; message: FlagPhrase; expected: FlagArg | null };

export const phrase = (key: string, args?: Record<string, FlagArg>): FlagPhrase => ({ key, args });

/** Items joined by a list template ("{a} or {b}"): nested pairwise, which reads the same for any number of items. */
export function joined(key: string, items: FlagArg[]): FlagArg {
  return items.length ? items.reduceRight((b, a) => phrase(key, { a, b })) : "";
}

const throwing = (error: Error) => {
  throw error;
};
const translators = {
  en: createTranslator({ locale: "en", messages: en, namespace: "flags.text", onError: throwing }),
  zh: createTranslator({ locale: "zh", messages: zh, namespace: "flags.text", onError: throwing }),
};
// Keys are composed at run time (`field.${name}`), so the translator is called untyped; a missing key
// or argument throws (onError), and the tests render every key in both languages.
type Translate = (key: string, values: Record<string, string>) => string;

// Chinese meets Latin letters and digits with a space between them where a printed piece meets the
// template's Chinese ("Table 2 中…印作 56.7%", "p 为 <0.001"); the printed pieces themselves are never
// touched: arguments are marked while they are formatted, and only the marked edges get the space.
const MARK = "\u0001";
const EDGE = /(?<=\p{Script=Han})\u0001+(?=[A-Za-z0-9<>≤≥[(+\-−])|(?<=[A-Za-z0-9%)\]])\u0001+(?=\p{Script=Han})/gu;
const MARKS = /\u0001/g;

/** One text in a language; endpointsZh: labelZh by endpoint code (content/vocab/endpoints.yaml), for Chinese. */
export function renderFlagText(arg: FlagArg, locale: SentenceLocale, endpointsZh: Record<string, string> = {}): string {
  if (typeof arg === "string") return arg;
  if ("endpoint" in arg) return locale === "zh" ? (endpointsZh[arg.endpoint] ?? arg.label) : inSentence(arg.label);
  if (!("key" in arg)) return arg[locale];
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(arg.args ?? {})) {
    const text = renderFlagText(value, locale, endpointsZh);
    values[name] = locale === "zh" ? `${MARK}${text}${MARK}` : text;
  }
  const text = (translators[locale] as unknown as Translate)(arg.key, values);
  return locale === "zh" ? text.replace(EDGE, " ").replace(MARKS, "") : text;
}

/** "overall survival" from "Overall survival", but "ORR in the liver" stays: acronyms keep their case. */
export function inSentence(label: string): string {
  return /^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}
