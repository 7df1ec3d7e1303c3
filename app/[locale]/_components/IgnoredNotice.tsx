import { formatIgnored, type Ignored } from "@/lib/data/ignored";

/**
 * What a page set aside from its link, and why, on every page that reads parameters from the URL:
 * "Ignored: group=FOO (unknown molecular group)". Values are quoted short (lib/data/ignored.ts) and
 * rendered as text, so a payload in a link stays inert. Nothing is shown when nothing was ignored.
 */
export function IgnoredNotice({ notes }: { notes: readonly Ignored[] }) {
  if (notes.length === 0) return null;
  return (
    <p className="ignored-note small no-print" role="note" data-testid="ignored">
      <strong>Ignored:</strong> {notes.map(formatIgnored).join("; ")}.
    </p>
  );
}
