// /p/<id> - a product's own page: server-rendered and shareable (Open Graph / Twitter
// tags), with the whole garment, price, attributes, description, pass / super like /
// like, a "Buy at <store>" link when the catalog has a product URL, and similar items.
// Hidden, unknown and malformed ids are a 404. Server Component; reads data only through
// lib/feed (never lib/db).
import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ProductActions } from "@/app/_components/product-actions";
import { ProductCard } from "@/app/_components/product-card";
import { IMAGE_SIZES, ProductImage } from "@/app/_components/product-image";
import { formatPrice } from "@/lib/format/price";
import { storeName } from "@/lib/format/store-link";
import { productDetail, visibleProduct } from "@/lib/feed/product";
import type { PublicProduct } from "@/lib/feed/cards";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

const SIMILAR = 8;

/** The product id in the path, or null for anything but a positive integer. */
function productId(raw: string): number | null {
  return /^[1-9][0-9]{0,8}$/.test(raw) ? Number(raw) : null;
}

/** The visible product (memoised per request: metadata and page share it), else a 404. */
const productOr404 = cache(async (raw: string): Promise<PublicProduct> => {
  const id = productId(raw);
  const product = id === null ? null : await visibleProduct(id);
  if (!product) notFound();
  return product;
});

/** This request's origin, for absolute Open Graph URLs (the Host header, checked). */
async function requestOrigin(): Promise<URL> {
  const h = await headers();
  const host = h.get("x-forwarded-host")?.split(",")[0].trim() || h.get("host") || "";
  const proto = h.get("x-forwarded-proto")?.split(",")[0].trim() === "https" ? "https" : "http";
  return new URL(/^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-fA-F:]+\](:\d{1,5})?$/.test(host) ? `${proto}://${host}` : "http://localhost");
}

function summary(p: PublicProduct): string {
  const price = formatPrice(p.priceCents, p.currency);
  const text = p.description || `${p.name}: ${p.articleType.toLowerCase()} in ${p.colours.join(", ")}.`;
  const short = text.length > 180 ? `${text.slice(0, 177).trimEnd()}…` : text;
  return `${p.brand ? `${p.brand} · ` : ""}${price}. ${short}`;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const p = await productOr404(id);
  const origin = await requestOrigin();
  const path = `/p/${p.id}`;
  const description = summary(p);
  const images = p.imageUrl ? [{ url: p.imageUrl, alt: p.name }] : undefined;
  return {
    metadataBase: origin,
    title: p.name,
    description,
    alternates: { canonical: path },
    openGraph: { title: p.name, description, url: path, siteName: "StyleNova", images },
    twitter: { card: images ? "summary_large_image" : "summary", title: p.name, description, images },
  };
}

function Attributes({ p }: { p: PublicProduct }) {
  const rows: [string, string][] = [
    ["Category", p.subcategory && p.subcategory !== p.category ? `${p.category} · ${p.subcategory}` : p.category],
    ["Type", p.articleType],
    ["For", p.gender.charAt(0).toUpperCase() + p.gender.slice(1)],
    ["Colours", p.colours.join(", ")],
    ["Style", p.styles.join(", ")],
    ["Pattern", p.pattern ?? ""],
    ["Season", p.season ?? ""],
    ["Sizes", p.sizes.length ? p.sizes.join(", ") : "One size"],
  ];
  return (
    <dl className="grid grid-cols-[7rem_1fr] gap-x-4 gap-y-2 text-sm" data-testid="product-attributes">
      {rows
        .filter(([, v]) => v !== "")
        .map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-stone-500 dark:text-stone-400">{k}</dt>
            <dd className="first-letter:uppercase">{v}</dd>
          </div>
        ))}
    </dl>
  );
}

function BuyLink({ url }: { url: string | null }) {
  const store = storeName(url);
  if (!url || !store) return null;
  return (
    <a
      href={url}
      target="_blank"
      rel="noopener noreferrer"
      className="inline-flex items-center justify-center rounded-full bg-stone-900 px-6 py-3 font-semibold text-white hover:bg-stone-700 dark:bg-white dark:text-stone-900 dark:hover:bg-stone-200"
      data-testid="buy-link"
    >
      Buy at {store}
      <span className="sr-only"> (opens in a new tab)</span>
    </a>
  );
}

export default async function ProductPage({ params }: Props) {
  const { id } = await params;
  const p = await productOr404(id);
  const detail = await productDetail(p.id, SIMILAR);
  const similar = detail?.similar ?? [];
  return (
    <div className="space-y-10 pt-6">
      {/* og:type "product" is not in Next's OpenGraph types; React hoists these into <head> */}
      <meta property="og:type" content="product" />
      {p.priceCents !== null ? <meta property="product:price:amount" content={(p.priceCents / 100).toFixed(2)} /> : null}
      {p.priceCents !== null ? <meta property="product:price:currency" content={p.currency} /> : null}
      <article className="grid gap-6 md:grid-cols-2 md:gap-10" data-testid="product-page" data-product-id={p.id}>
        <div className="relative aspect-[3/4] overflow-hidden rounded-3xl bg-stone-100 ring-1 ring-stone-200 dark:bg-stone-800 dark:ring-stone-800">
          {p.imageUrl ? (
            <ProductImage src={p.imageUrl} alt={p.name} swatch={p.swatch} sizes={IMAGE_SIZES.detail} preload testId="product-image" />
          ) : (
            <div className="flex h-full items-center justify-center text-sm text-stone-500 dark:text-stone-400">No picture</div>
          )}
        </div>
        <div className="space-y-6">
          <div>
            <p className="text-xs font-bold uppercase tracking-[0.14em] text-stone-500 dark:text-stone-400">{p.brand || p.articleType}</p>
            <h1 className="text-3xl font-bold leading-tight tracking-tight">{p.name}</h1>
            <p className="mt-2 text-2xl font-semibold text-brand-700 dark:text-brand-400" data-testid="product-price">{formatPrice(p.priceCents, p.currency)}</p>
          </div>
          <ProductActions productId={p.id} name={p.name} />
          <BuyLink url={p.productUrl} />
          <Attributes p={p} />
          {p.description ? <p className="leading-relaxed text-stone-700 dark:text-stone-300">{p.description}</p> : null}
        </div>
      </article>
      <section aria-labelledby="similar-heading">
        <h2 id="similar-heading" className="mb-4 text-xl font-bold tracking-tight">Similar items</h2>
        {similar.length ? (
          <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4" data-testid="product-similar">
            {similar.map((h) => (
              <li key={h.product.id}>
                <ProductCard product={h.product} testId="similar-item" heading="h3" />
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-stone-600 dark:text-stone-400">No similar items found.</p>
        )}
      </section>
    </div>
  );
}
