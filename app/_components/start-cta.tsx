"use client";
// The landing page's call to action: "Take the style quiz" for a new shopper, or
// "Continue to your deck" once GET /api/profile reports a quiz.
import Link from "next/link";
import { useEffect, useState } from "react";
import { api } from "@/app/_store/api-client";

export function StartCta() {
  const [hasProfile, setHasProfile] = useState<boolean | null>(null);
  useEffect(() => {
    api.profile().then(
      (p) => setHasProfile(p.quiz !== null),
      () => setHasProfile(false),
    );
  }, []);
  const primary =
    "inline-flex items-center justify-center rounded-full bg-brand-600 px-8 py-4 text-base font-bold text-white shadow-xl shadow-brand-600/30 transition hover:-translate-y-0.5 hover:bg-brand-700";
  const secondary =
    "inline-flex items-center justify-center rounded-full px-6 py-4 text-base font-semibold text-stone-800 ring-1 ring-stone-300 transition hover:bg-white dark:text-stone-100 dark:ring-stone-700 dark:hover:bg-stone-900";
  return (
    <div className="flex flex-col gap-3 sm:flex-row" data-testid="start-cta" data-profile={hasProfile === null ? "unknown" : String(hasProfile)}>
      {hasProfile ? (
        <>
          <Link href="/deck" className={primary}>Continue to your deck</Link>
          <Link href="/quiz" className={secondary}>Retake the quiz</Link>
        </>
      ) : (
        <>
          <Link href="/quiz" className={primary}>Take the style quiz</Link>
          <Link href="/catalog" className={secondary}>Browse the catalog</Link>
        </>
      )}
    </div>
  );
}
