import Link from "next/link";

export default function QuestionNotFound() {
  return (
    <>
      <h1>Question not found</h1>
      <p>
        There is no question with this name. See <Link href="/questions">all questions</Link>.
      </p>
    </>
  );
}
