// /quiz - the six-step style quiz. Server Component shell around the client wizard.
import type { Metadata } from "next";
import { QuizWizard } from "@/app/_components/quiz-wizard";

export const metadata: Metadata = { title: "Style quiz" };

export default function QuizPage() {
  return <QuizWizard />;
}
