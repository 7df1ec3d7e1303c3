import Link from "next/link";
import type { Metadata } from "next";
import { connection } from "next/server";

export const metadata: Metadata = { title: "Page not found" };

// Rendered per request (connection()), like every page, so its scripts carry the request's CSP nonce.
export default async function NotFound() {
  await connection();
  return (
    <>
      <h1>Page not found</h1>
      <p>There is no page at this address. A study link may be misspelt, or the study may have been renamed in a later version of the dataset.</p>
      <ul>
        <li>
          <Link href="/">Browse the evidence</Link> (search by endpoint, treatment, codon or study)
        </li>
        <li>
          <Link href="/studies">All studies</Link>
        </li>
      </ul>
    </>
  );
}
