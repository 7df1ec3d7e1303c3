"use client";
// One box, results as you type: each suggestion says what it matched and opens the filtered view.
import { useMemo, useState, useId, useEffect } from "react";
import { useRouter } from "next/navigation";
import { createInterpreter, type SearchVocabulary, type TermMatch } from "@/lib/search/interpret";

const KIND_LABEL: Record<TermMatch["kind"], string> = { endpoint: "endpoint", treatment: "treatment", group: "molecular group", study: "study" };
const PARAM: Record<TermMatch["kind"], string> = { endpoint: "endpoint", treatment: "treatment", group: "group", study: "study" };

type Option = { key: string; label: string; detail: string; href: string };

export function SearchBox({ vocabulary, initialQuery }: { vocabulary: SearchVocabulary; initialQuery: string }) {
  const router = useRouter();
  const interpreter = useMemo(() => createInterpreter(vocabulary), [vocabulary]);
  const [query, setQuery] = useState(initialQuery);
  const [debounced, setDebounced] = useState(initialQuery);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const listId = useId();

  useEffect(() => {
    const t = setTimeout(() => setDebounced(query), 120);
    return () => clearTimeout(t);
  }, [query]);

  const options: Option[] = useMemo(() => {
    const q = debounced.trim();
    if (!q) return [];
    const interpretation = interpreter.interpret(q);
    const out: Option[] = [];
    const parts = Object.entries(interpretation.filters).flatMap(([k, codes]) => codes.map((c) => `${k}=${encodeURIComponent(c)}`));
    if (parts.length > 1) {
      const labels = interpretation.matches.filter((m) => interpretation.filters[m.kind].includes(m.code)).map((m) => m.label);
      out.push({ key: "all", label: [...new Set(labels)].join(" + "), detail: `all of "${q}"`, href: `/?${parts.join("&")}` });
    }
    for (const m of interpreter.suggest(q, 8)) {
      out.push({
        key: `${m.kind}:${m.code}`,
        label: m.label,
        detail: `${KIND_LABEL[m.kind]} · matched "${m.matched}"${m.how === "fuzzy" ? " (close match)" : ""}`,
        href: `/?${PARAM[m.kind]}=${encodeURIComponent(m.code)}`,
      });
    }
    out.push({ key: "text", label: `Search records for "${q}"`, detail: "free text, synonyms understood", href: `/?q=${encodeURIComponent(q)}` });
    return out.filter((o, i) => out.findIndex((x) => x.href === o.href) === i);
  }, [debounced, interpreter]);

  const go = (href: string) => {
    setOpen(false);
    router.push(href);
  };

  return (
    <div className="search-box no-print" role="search">
      <label htmlFor={`${listId}-input`} className="visually-hidden">
        Search endpoints, treatments, alleles, codons and studies
      </label>
      <input
        id={`${listId}-input`}
        type="search"
        role="combobox"
        aria-expanded={open && options.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={active >= 0 ? `${listId}-opt-${active}` : undefined}
        placeholder='Try "G12D", "codon 13", "OS hepatectomy RAS", "HAI", "转化治疗"'
        value={query}
        autoComplete="off"
        onChange={(e) => {
          setQuery(e.target.value);
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
            const chosen = active >= 0 ? options[active] : options[0];
            if (chosen) go(chosen.href);
            else if (query.trim()) go(`/?q=${encodeURIComponent(query.trim())}`);
          } else if (e.key === "Escape") setOpen(false);
        }}
      />
      {open && options.length > 0 && (
        <ul id={listId} role="listbox" aria-label="Suggestions">
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
    </div>
  );
}
