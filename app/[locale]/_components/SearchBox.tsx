"use client";
// One box, results as you type: each suggestion says what it matched, how many records it opens, and
// opens the filtered view. Suggestions come from /api/suggest as the user types (the vocabularies and
// study names stay on the server). Under the box, for the page's own query: what a clinical phrase
// was read as ("exon 2" is codons 12 and 13 of KRAS and NRAS) and, when nothing matches, what was
// understood and the nearest terms that have records, so a search never ends on an empty page.
import { useEffect, useId, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Link, useRouter } from "@/i18n/navigation";
import { useSearchParams } from "next/navigation";
import type { SuggestAnswer, Suggestion } from "@/lib/search/suggest";

type Option = { key: string; label: string; detail: string; href: string };

/** The page parameters that are filters (the rest, such as searched and offset, describe the page, not the query). */
const VIEW_KEYS = ["endpoint", "treatment", "group", "study", "measure", "design", "sourceLevel", "analysis", "kind", "flagged", "computed"];


function useSuggestions(url: string | null): SuggestAnswer | null {
  const [answer, setAnswer] = useState<SuggestAnswer | null>(null);
  useEffect(() => {
    if (!url) {
      setAnswer(null);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch(url, { signal: controller.signal })
        .then((r) => (r.ok ? (r.json() as Promise<SuggestAnswer>) : null))
        .then((a) => setAnswer(a))
        // An aborted or failed fetch leaves the box as it was: typing and Enter still work.
        .catch(() => undefined);
    }, 150);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [url]);
  return answer;
}

function toOption(s: Suggestion, i: number, records: (n: number) => string): Option {
  return { key: `${s.kind}:${s.code ?? i}:${s.href}`, label: s.label, detail: `${s.detail} · ${records(s.count)}`, href: s.href };
}

export function SearchBox({
  initialQuery,
}: {
  initialQuery: string;
  /** Ignored: suggestions come from /api/suggest. Kept so that a page still passing it compiles. */
  vocabulary?: unknown;
}) {
  const t = useTranslations("search");
  const records = (count: number) => t("records", { count });
  // The suggestions' labels in the interface's language (the API answers English otherwise).
  const lang = useLocale() === "zh" ? "&lang=zh" : "";
  const router = useRouter();
  const searchParams = useSearchParams();
  const [query, setQuery] = useState(initialQuery);
  const [typed, setTyped] = useState(false);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const listId = useId();

  const q = query.trim();
  const typing = useSuggestions(typed && q ? `/api/suggest?q=${encodeURIComponent(q)}${lang}` : null);

  // The page's own query: "searched" is what was typed before the URL became filters.
  const pageQuery = searchParams.get("searched") ?? searchParams.get("q");
  const viewParams = new URLSearchParams();
  for (const [k, v] of searchParams) if (VIEW_KEYS.includes(k)) viewParams.append(k, v);
  if (pageQuery) viewParams.set("q", pageQuery);
  const page = useSuggestions(pageQuery ? `/api/suggest?${viewParams.toString()}${lang}` : null);

  const options: Option[] = [];
  if (typing && q) {
    options.push(...typing.suggestions.map((s, i) => toOption(s, i, records)));
    if (typing.count === 0)
      options.push({
        key: "nothing",
        label: t("noMatchOption", { q }),
        detail: t("noMatchDetail"),
        href: `/?q=${encodeURIComponent(q)}`,
      });
  }

  const go = (href: string) => {
    setOpen(false);
    router.push(href);
  };

  const understood = page?.understood ?? [];
  const showHint = page && (page.count === 0 || page.notes.length > 0);

  return (
    <div className="search-box no-print" role="search">
      <label htmlFor={`${listId}-input`} className="visually-hidden">
        {t("label")}
      </label>
      <input
        id={`${listId}-input`}
        type="search"
        role="combobox"
        aria-expanded={open && options.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={active >= 0 && active < options.length ? `${listId}-opt-${active}` : undefined}
        placeholder={t("placeholder")}
        value={query}
        autoComplete="off"
        onChange={(e) => {
          setQuery(e.target.value);
          setTyped(true);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") {
            e.preventDefault();
            setOpen(true);
            setActive((a) => Math.min(a + 1, options.length - 1));
          } else if (e.key === "ArrowUp") {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, -1));
          } else if (e.key === "Enter") {
            e.preventDefault();
            const chosen = active >= 0 ? options[active] : undefined;
            // Enter without a chosen suggestion searches the whole text: the page reads it into filters.
            if (chosen) go(chosen.href);
            else if (q) go(`/?q=${encodeURIComponent(q)}`);
          } else if (e.key === "Escape") setOpen(false);
        }}
      />
      {open && options.length > 0 && (
        <ul id={listId} role="listbox" aria-label={t("suggestions")}>
          {options.map((o, i) => (
            <li
              key={o.key}
              id={`${listId}-opt-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault();
                go(o.href);
              }}
            >
              <strong>{o.label}</strong> <span className="muted small">— {o.detail}</span>
            </li>
          ))}
        </ul>
      )}
      {showHint ? (
        <div className="search-hint" role="status" data-testid="search-hint">
          {page.count === 0 ? (
            <p>
              <strong>{t("noMatch", { q: page.q })}</strong>{" "}
              {understood.length ? (
                <>{t("readAs", { terms: understood.map((m) => `${m.label} (${t(`kind.${m.kind}`)})`).join(" + ") })}</>
              ) : (
                <>{t("nothingRecognised")}</>
              )}
              {page.freeText.length ? <>{t("searchedAsText", { words: page.freeText.map((w) => `“${w}”`).join(", ") })}</> : null}.
            </p>
          ) : null}
          {page.notes.map((n) => (
            <p key={n} className="small" data-testid="search-note">
              {n}
            </p>
          ))}
          {page.count === 0 ? (
            page.hint?.nearest.length ? (
              <>
                <p className="small">{t("nearest")}</p>
                <ul className="search-hint-list">
                  {page.hint.nearest.map((s) => (
                    <li key={s.href}>
                      <Link href={s.href}>{s.label}</Link> <span className="muted small">— {s.detail} · {records(s.count)}</span>
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <p className="small">
                {t("nothingClose")}
              </p>
            )
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
