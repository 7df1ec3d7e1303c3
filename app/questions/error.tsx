"use client";
// A Summary of Findings that fails to build says so and offers a way on; /api/sof gives the details.
import Link from "next/link";

export default function QuestionsError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <>
      <h1>The Summary of Findings could not be shown</h1>
      <p>Something went wrong while rating this evidence. Try again, or go back to the list of questions.</p>
      <p className="chips">
        <button type="button" onClick={reset}>
          Try again
        </button>
        <Link className="button" href="/questions">
          All questions
        </Link>
      </p>
    </>
  );
}
