"use client";
// A pooled view that fails to load says so and offers a way on; the strict API gives the details.
import Link from "next/link";

export default function PoolError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <>
      <h1>The pooled analysis could not be shown</h1>
      <p>Something went wrong while pooling these records. Try again, or go back to the browser and choose an endpoint and comparison from a forest plot.</p>
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
