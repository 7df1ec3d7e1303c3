"use client";
// A picker served on demand: as the user types, /api/compare-options answers at most a dozen studies
// (or endpoints) with their record counts; choosing one opens the comparison's URL with it added.
// Without JavaScript the same form is a GET to /compare with `find` (or `findEndpoint`), and the
// page lists the matches as links.
import { useEffect, useId, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { getPathname, useRouter } from "@/i18n/navigation";
import type { CompareOption } from "@/lib/data/compare";
import { compareHref, type CompareState } from "@/lib/data/compare-href";

// A choice made before the page has caught up with the previous one (its navigation still under
// way, the props still the old comparison) builds on that previous choice, in either picker: choosing
// BECOME, CAIRO5 and TRIBE quickly compares all three, not BECOME and TRIBE. Cleared once the page
// shows the comparison asked for, or shows another one (the reader went back).
let pending: CompareState | null = null;
const same = (a: CompareState, b: CompareState) => a.population === b.population && a.studies.join() === b.studies.join() && a.endpoints.join() === b.endpoints.join();
const within = (a: CompareState, b: CompareState) => a.studies.every((s) => b.studies.includes(s)) && a.endpoints.every((e) => b.endpoints.includes(e));

function added(state: CompareState, option: CompareOption): CompareState {
  if (option.kind === "study") return state.studies.includes(option.code) ? state : { ...state, studies: [...state.studies, option.code] };
  return state.endpoints.includes(option.code) ? state : { ...state, endpoints: [...state.endpoints, option.code] };
}

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

  const shown: CompareState = { studies, endpoints, population };
  useEffect(() => {
    if (pending && (same(pending, shown) || !within(shown, pending))) pending = null;
  });
  const current = pending ?? shown;
  const params = new URLSearchParams({ kind, q: text.trim() });
  for (const s of current.studies) params.append("studies", s);
  for (const e of current.endpoints) params.append("endpoint", e);
  if (current.population !== "all") params.set("population", current.population);
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
    pending = added(pending ?? shown, option);
    router.push(compareHref(pending));
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
