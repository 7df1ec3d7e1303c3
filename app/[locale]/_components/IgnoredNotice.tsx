import { useLocale } from "next-intl";
import { formatIgnored, formatIgnoredIn, type Ignored } from "@/lib/data/ignored";

/**
 * What a page set aside from its link, and why, on every page that reads parameters from the URL:
 * "Ignored: group=FOO (unknown molecular group)". Values are quoted short (lib/data/ignored.ts) and
 * rendered as text, so a payload in a link stays inert. Nothing is shown when nothing was ignored.
 */
export function IgnoredNotice({ notes }: { notes: readonly Ignored[] }) {
  const zh = useLocale() === "zh";
  if (notes.length === 0) return null;
  if (zh)
    return (
      <p className="ignored-note small no-print" role="note" data-testid="ignored">
        <strong>已忽略：</strong>
        {notes.map((n) => formatIgnoredIn(n, "zh")).join("；")}。
      </p>
    );
  return (
    <p className="ignored-note small no-print" role="note" data-testid="ignored">
      <strong>Ignored:</strong> {notes.map(formatIgnored).join("; ")}.
    </p>
  );
}
