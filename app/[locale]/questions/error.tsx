"use client";
// A Summary of Findings that fails to build says so and offers a way on; /api/sof gives the details.
import { ErrorPanel } from "../_components/ErrorPanel";

export default function QuestionsError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPanel {...props} title="sofTitle" body="sofBody" back={{ href: "/questions", label: "allQuestions" }} />;
}
