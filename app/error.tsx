"use client";
// A page that fails says so plainly and offers a way on. The digest is the reference the server
// log has for this error (the details stay in the log, never on the page).
import Link from "next/link";

export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <>
      <h1>This page could not be shown</h1>
      <p>Something went wrong on our side while reading the evidence. Try again; if it keeps happening, the dataset may be being rebuilt.</p>
      {error.digest ? (
        <p className="small muted">
          Reference for a report: <code>{error.digest}</code>
        </p>
      ) : null}
      <p className="chips">
        <button type="button" onClick={reset}>
          Try again
        </button>
        <Link className="button" href="/">
          Back to the browser
        </Link>
      </p>
    </>
  );
}
