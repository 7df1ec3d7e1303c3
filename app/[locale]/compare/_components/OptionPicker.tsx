"use client";
// A picker served on demand: as the user types, /api/compare-options answers at most a dozen studies
// (or endpoints) with their record counts; choosing one opens the comparison's URL with it added.
// Without JavaScript the same form is a GET to /compare with `find` (or `findEndpoint`), and the
// page lists the matches as links.
import { useEffect, useId, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { getPathname, useRouter } from "@/i18n/navigation";
import type { CompareOption } from "@/lib/data/compare";

export function OptionPicker({
  kind,
  label,
  placeholder,
  studies,
  endpoints,
  population,
  initial = "",
}: {
  kind: "study" | "endpoint";
  label: string;
  placeholder: string;
  studies: string[];
  endpoints: string[];
  population: string;
  initial?: string;
}) {
  const router = useRouter();
  const t = useTranslations("compare");
  const locale = useLocale();
  const id = useId();
  const [text, setText] = useState(initial);
  const [focused, setFocused] = useState(false);
  const [options, setOptions] = useState<CompareOption[]>([]);
  const [active, setActive] = useState(-1);

  const params = new URLSearchParams({ kind, q: text.trim() });
  for (const s of studies) params.append("studies", s);
  for (const e of endpoints) params.append("endpoint", e);
  if (population !== "all") params.set("population", population);
  const url = `/api/compare-options?${params.toString()}`;

  useEffect(() => {
    if (!focused) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch(url, { signal: controller.signal })
        .then((r) => (r.ok ? (r.json() as Promise<{ data: CompareOption[] }>) : { data: [] }))
        .then((a) => {
          setOptions(a.data);
          setActive(-1);
        })
        .catch(() => undefined);
    }, 150);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [url, focused]);

  const choose = (option: CompareOption) => {
    setText("");
    setOptions([]);
    setFocused(false);
    router.push(option.href);
  };
  const open = focused && options.length > 0;
  const field = kind === "study" ? "find" : "findEndpoint";
  return (
    <form method="get" action={getPathname({ href: "/compare", locale })} className="compare-picker" role="search" aria-label={label}>
      {studies.map((s) => (
        <input key={`s-${s}`} type="hidden" name="studies" value={s} />
      ))}
      {endpoints.map((e) => (
        <input key={`e-${e}`} type="hidden" name="endpoint" value={e} />
      ))}
      {population !== "all" ? <input type="hidden" name="population" value={population} /> : null}
      <label htmlFor={`${id}-input`}>{label}</label>
      <div className="compare-picker-field">
        <input
          id={`${id}-input`}
          name={field}
          type="search"
          role="combobox"
          aria-expanded={open}
          aria-controls={`${id}-list`}
          aria-autocomplete="list"
          aria-activedescendant={open && active >= 0 ? `${id}-opt-${active}` : undefined}
          autoComplete="off"
          placeholder={placeholder}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setFocused(true);
          }}
          onFocus={() => setFocused(true)}
          onBlur={() => setTimeout(() => setFocused(false), 150)}
          onKeyDown={(e) => {
            if (e.key === "ArrowDown") {
              e.preventDefault();
              setActive((a) => Math.min(a + 1, options.length - 1));
            } else if (e.key === "ArrowUp") {
              e.preventDefault();
              setActive((a) => Math.max(a - 1, -1));
            } else if (e.key === "Enter" && active >= 0 && options[active]) {
              e.preventDefault();
              choose(options[active]);
            } else if (e.key === "Escape") setFocused(false);
          }}
        />
        <button type="submit">{t("find")}</button>
        {open ? (
          <ul id={`${id}-list`} role="listbox" aria-label={t("matches", { label })}>
            {options.map((o, i) => (
              <li
                key={o.code}
                id={`${id}-opt-${i}`}
                role="option"
                aria-selected={i === active}
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(o);
                }}
              >
                <strong>{o.label}</strong> <span className="muted small">— {o.detail}</span>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </form>
  );
}
