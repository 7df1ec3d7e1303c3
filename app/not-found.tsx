import type { Metadata } from "next";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = { title: "Page not found" };

// A path outside every locale (the pages' own not-found is app/[locale]/not-found.tsx): a whole
// document, since the root layout only passes its children on. Rendered per request (connection()).
export default async function GlobalNotFound() {
  await connection();
  return (
    <html lang="en">
      <body>
        <main id="main">
          <h1>Page not found</h1>
          <p>There is no page at this address.</p>
          <p>
            {/* A plain link: this page sits outside the localized app. */}
            <a href="/">Browse the evidence</a>
          </p>
        </main>
      </body>
    </html>
  );
}
