"use client";
// The last resort, when the root layout itself fails: a whole document, no shared styles or layout.
export default function GlobalError({ error }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", margin: "2rem", maxWidth: "40rem" }}>
        <h1>RAS-mutant CRLM evidence is not available</h1>
        <p>Something went wrong on our side. Reload the page in a moment; if it keeps happening, the dataset may be being rebuilt.</p>
        {error.digest ? <p>Reference for a report: <code>{error.digest}</code></p> : null}
        <p>
          {/* A plain link: a full reload, not client navigation, after the app itself failed. */}
          <a href="/">Back to the evidence browser</a>
        </p>
      </body>
    </html>
  );
}
