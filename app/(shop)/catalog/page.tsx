// /catalog - the whole catalog, served from the database, paged and filterable by
// article type. Server Component.
import type { Metadata } from "next";
import Link from "next/link";
import { countByCategory, listProducts } from "@/lib/db/products";
import { ProductTile } from "@/app/_components/product-tile";
import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";

const PAGE_SIZE = 48;

async function articleTypes(): Promise<{ name: string; count: number }[]> {
  const client = await db();
  const groups = await client.product.groupBy({ by: ["articleType"], where: { hidden: false }, _count: { _all: true } });
  return groups.map((g) => ({ name: g.articleType, count: g._count._all })).sort((a, b) => b.count - a.count);
}

export const metadata: Metadata = { title: "Catalog" };

export default async function CatalogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const page = Math.max(1, Math.min(10_000, Number.parseInt(String(sp.page ?? "1"), 10) || 1));
  const type = typeof sp.type === "string" && sp.type.length <= 60 ? sp.type : undefined;
  const [{ items, total }, types, categories] = await Promise.all([
    listProducts({ articleType: type }, { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }),
    articleTypes(),
    countByCategory(),
  ]);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const href = (p: number, t = type) => `/catalog?${new URLSearchParams({ ...(t ? { type: t } : {}), ...(p > 1 ? { page: String(p) } : {}) })}`;
  const catalogSize = Object.values(categories).reduce((a, b) => a + b, 0);

  return (
    <div className="pt-6">
      <section aria-labelledby="catalog-heading" className="space-y-4">
        <div>
          <h1 id="catalog-heading" className="text-3xl font-bold tracking-tight">The catalog</h1>
          <p className="mt-1 text-stone-600 dark:text-stone-400">
            Every piece StyleNova can show you, straight from the database.{" "}
            <span data-testid="catalog-size">{catalogSize.toLocaleString("en-US")} products</span>
          </p>
        </div>
        <nav aria-label="Article types" className="-mx-4 flex gap-2 overflow-x-auto px-4 pb-1 md:mx-0 md:flex-wrap md:px-0">
          <Link href={href(1, undefined)} className={chip(!type)}>All</Link>
          {types.map((t) => (
            <Link key={t.name} href={href(1, t.name)} className={chip(type === t.name)}>
              {t.name} <span className={chipCount(type === t.name)}>{t.count}</span>
            </Link>
          ))}
        </nav>
        {items.length === 0 ? (
          <EmptyCatalog filtered={Boolean(type)} />
        ) : (
          <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 md:grid-cols-4 lg:grid-cols-6" data-testid="catalog-grid">
            {items.map((p) => (
              <ProductTile key={p.id} product={p} />
            ))}
          </div>
        )}
        {pages > 1 && (
          <nav aria-label="Pages" className="flex items-center justify-center gap-3 pt-4 text-sm">
            {page > 1 ? <Link className={chip(false)} href={href(page - 1)}>Previous</Link> : null}
            <span>Page {page} of {pages}</span>
            {page < pages ? <Link className={chip(false)} href={href(page + 1)}>Next</Link> : null}
          </nav>
        )}
      </section>
    </div>
  );
}

/** Shoppers get a friendly note; the developer hint (seed or import) goes to the server log only. */
function EmptyCatalog({ filtered }: { filtered: boolean }) {
  if (!filtered) console.warn("[stylenova] /catalog: the catalog is empty. Run `npm run db:seed` or import a CSV with `npm run catalog:import`.");
  return (
    <div className="rounded-2xl bg-white p-8 text-center text-stone-600 ring-1 ring-stone-200 dark:bg-stone-900 dark:text-stone-300 dark:ring-stone-800" data-testid="catalog-empty">
      <p className="font-semibold text-stone-900 dark:text-stone-100">{filtered ? "Nothing here right now." : "We're restocking the shelves."}</p>
      <p className="mt-1">{filtered ? "Try another type of piece." : "New pieces are on their way. Check back soon."}</p>
      <Link href="/catalog" className={`${chip(false)} mt-4`}>See the whole catalog</Link>
    </div>
  );
}

/** Count inside a chip: full-strength text (no opacity), at least 4.5:1 on the chip in both themes. */
function chipCount(active: boolean): string {
  return `tabular-nums ${active ? "text-stone-300 dark:text-stone-600" : "text-stone-500 dark:text-stone-400"}`;
}

function chip(active: boolean): string {
  return `inline-flex min-h-11 shrink-0 items-center gap-1 whitespace-nowrap rounded-full px-3 py-1.5 text-sm ring-1 transition ${
    active
      ? "bg-stone-900 text-white ring-stone-900 dark:bg-white dark:text-stone-900 dark:ring-white"
      : "bg-white text-stone-700 ring-stone-200 hover:ring-stone-400 dark:bg-stone-900 dark:text-stone-300 dark:ring-stone-700"
  }`;
}
