// The landing page's call to action: "Take the style quiz" for a new shopper, or
// "Continue to your deck" once the shopper has a quiz. Decided on the server (app/page.tsx
// reads the shopper cookie), so the links are in the HTML and need no client JavaScript.
import Link from "next/link";

export function StartCta({ hasProfile }: { hasProfile: boolean }) {
  const primary =
    "inline-flex items-center justify-center rounded-full bg-brand-600 px-8 py-4 text-base font-bold text-white shadow-xl shadow-brand-600/30 transition hover:-translate-y-0.5 hover:bg-brand-700";
  const secondary =
    "inline-flex items-center justify-center rounded-full px-6 py-4 text-base font-semibold text-stone-800 ring-1 ring-stone-300 transition hover:bg-white dark:text-stone-100 dark:ring-stone-700 dark:hover:bg-stone-900";
  return (
    <div className="flex flex-col gap-3 sm:flex-row" data-testid="start-cta" data-profile={String(hasProfile)}>
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
