// / - the landing page: what StyleNova does, pictures from the real catalog (a fanned strip
// on phones, a collage on wider screens), and a call to action into the quiz (or the deck
// once the shopper has a profile, read here from the shopper cookie so nothing on the page
// waits for client-side fetching). Server Component; data only through lib/feed and lib/auth.
import { cookies } from "next/headers";
import Image from "next/image";
import Link from "next/link";
import { Logo } from "./_components/app-header";
import { CardsIcon, HeartIcon, SparklesIcon } from "./_components/icons";
import { StartCta } from "./_components/start-cta";
import { ThemeToggle } from "./_components/theme-toggle";
import { showcaseProducts } from "@/lib/feed/showcase";
import type { PublicProduct } from "@/lib/feed/cards";
import { SHOPPER_COOKIE, shopperIdFromCookie } from "@/lib/auth/shopper";
import { getProfile } from "@/lib/feed/deck";

export const dynamic = "force-dynamic";

const STEPS = [
  { Icon: SparklesIcon, title: "Take a one-minute quiz", text: "Categories, colours, brands, styles, sizes and budget." },
  { Icon: CardsIcon, title: "Swipe your deck", text: "Right to like, left to pass, up to super like." },
  { Icon: HeartIcon, title: "Watch it learn", text: "Every swipe re-ranks the deck and shows what it learned." },
];

/** Whether the shopper of this request has taken the quiz (false for a new or unknown shopper). */
async function hasProfile(): Promise<boolean> {
  const shopperId = await shopperIdFromCookie((await cookies()).get(SHOPPER_COOKIE)?.value);
  if (!shopperId) return false;
  return getProfile(shopperId).then(
    (p) => p.quiz !== null,
    () => false,
  );
}

export default async function LandingPage() {
  const [picks, profile] = await Promise.all([showcaseProducts(5), hasProfile()]);
  return (
    <div className="relative min-h-full overflow-hidden">
      <div aria-hidden="true" className="pointer-events-none absolute -left-40 -top-40 h-[32rem] w-[32rem] rounded-full bg-brand-300/30 blur-3xl dark:bg-brand-700/20" />
      <div aria-hidden="true" className="pointer-events-none absolute -right-40 top-40 h-[28rem] w-[28rem] rounded-full bg-orange-200/40 blur-3xl dark:bg-orange-500/10" />
      <header className="relative mx-auto flex h-16 max-w-6xl items-center justify-between px-4">
        <Logo />
        <div className="flex items-center gap-2">
          <Link href="/catalog" className="inline-flex h-11 items-center rounded-full px-4 text-sm font-medium text-stone-700 hover:bg-stone-200/70 dark:text-stone-300 dark:hover:bg-stone-800">Catalog</Link>
          <ThemeToggle />
        </div>
      </header>
      <main className="relative mx-auto grid max-w-6xl items-center gap-12 px-4 pb-16 pt-2 md:grid-cols-2 md:pt-16">
        <div>
          <PhoneStrip picks={picks} />
          <p className="mb-4 inline-flex items-center gap-2 rounded-full bg-white/80 px-3 py-1 text-xs font-semibold text-brand-700 ring-1 ring-brand-200 dark:bg-stone-900/80 dark:text-brand-300 dark:ring-brand-800">
            <SparklesIcon size={14} /> Learns your taste with every swipe
          </p>
          <h1 className="text-4xl font-extrabold leading-[1.05] tracking-tight sm:text-5xl md:text-6xl">
            Find clothes you love,{" "}
            <span className="bg-gradient-to-r from-brand-600 to-orange-500 bg-clip-text text-transparent">one swipe at a time.</span>
          </h1>
          <p className="mt-5 max-w-lg text-lg text-stone-600 dark:text-stone-300">
            Tell StyleNova what you like, then swipe. It blends what you pick, what shoppers like you love and how pieces look, and gets sharper every time.
          </p>
          <div className="mt-8">
            <StartCta hasProfile={profile} />
          </div>
          <ul className="mt-10 grid gap-4 sm:grid-cols-3">
            {STEPS.map(({ Icon, title, text }) => (
              <li key={title} className="rounded-2xl bg-white/70 p-4 ring-1 ring-stone-200 backdrop-blur dark:bg-stone-900/70 dark:ring-stone-800">
                <Icon size={22} className="text-brand-700 dark:text-brand-400" />
                <p className="mt-2 text-sm font-bold">{title}</p>
                <p className="mt-0.5 text-xs text-stone-600 dark:text-stone-400">{text}</p>
              </li>
            ))}
          </ul>
        </div>
        <div aria-hidden="true" className="relative mx-auto hidden h-[520px] w-full max-w-md md:block">
          {picks.map((p, i) => (
            <Image
              key={p.id}
              src={p.imageUrl ?? ""}
              alt=""
              width={300}
              height={400}
              sizes="224px"
              className="absolute aspect-[3/4] w-56 rounded-3xl object-cover shadow-2xl ring-4 ring-white dark:ring-stone-900"
              style={{ left: `${[28, 0, 52, 8, 46][i]}%`, top: `${[4, 22, 30, 52, 58][i]}%`, rotate: `${[-4, -10, 8, 4, -6][i]}deg`, zIndex: [5, 2, 3, 1, 4][i] }}
            />
          ))}
        </div>
      </main>
    </div>
  );
}

/** Phones: the same picks as a small fanned hand of cards above the headline. */
function PhoneStrip({ picks }: { picks: PublicProduct[] }) {
  if (picks.length === 0) return null;
  const mid = (picks.length - 1) / 2;
  return (
    <div aria-hidden="true" className="mb-6 flex h-36 items-end justify-center md:hidden" data-testid="landing-strip">
      {picks.map((p, i) => (
        <Image
          key={p.id}
          src={p.imageUrl ?? ""}
          alt=""
          width={150}
          height={200}
          sizes="80px"
          fetchPriority={i === Math.round(mid) ? "high" : "auto"}
          className="-mx-2 aspect-[3/4] w-[4.75rem] rounded-2xl object-cover shadow-xl ring-2 ring-white dark:ring-stone-900"
          style={{ rotate: `${(i - mid) * 7}deg`, translate: `0 ${Math.abs(i - mid) * 10}px`, zIndex: 10 - Math.round(Math.abs(i - mid)) }}
        />
      ))}
    </div>
  );
}
