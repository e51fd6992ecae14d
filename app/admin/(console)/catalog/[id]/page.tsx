// /admin/catalog/:id - one product: image, facts, feedback and the attribute edit form.
// Server Component; the form and the hide toggle are client leaves.
import type { Metadata } from "next";
import Image from "next/image";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getCatalogProduct, type AdminProductView } from "@/lib/admin/catalog";
import { num, pct } from "@/lib/admin/format";
import { requireAdminPage } from "@/lib/admin/page-guard";
import { HttpError } from "@/lib/http/respond";
import { DisabledPanel } from "../../../_components/disabled-panel";
import { HideToggle } from "../../../_components/hide-toggle";
import { ProductEditForm } from "../../../_components/product-edit-form";
import { Badge, Card, PageHeader } from "../../../_components/ui";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Edit product" };

export default async function AdminProductPage({ params }: { params: Promise<{ id: string }> }) {
  if ((await requireAdminPage()) === "disabled") return <DisabledPanel />;
  const { id } = await params;
  if (!/^[1-9]\d{0,8}$/.test(id)) notFound();
  let p: AdminProductView;
  try {
    p = await getCatalogProduct(Number(id));
  } catch (e) {
    if (e instanceof HttpError && e.status === 404) notFound();
    throw e;
  }
  const facts: [string, React.ReactNode][] = [
    ["External id", <span key="x" className="font-mono">{p.externalId}</span>],
    ["Category", `${p.category} · ${p.gender}`],
    ["Source", p.source],
    ["Embedding", p.embedding === "missing" ? <Badge key="e" tone="red">missing</Badge> : <code key="e" className="break-all text-xs">{p.embedding}</code>],
    ["Likes", `${num(p.likes)} (+${num(p.superlikes)} superlikes)`],
    ["Passes", num(p.passes)],
    ["Like-rate", pct(p.likeRate)],
  ];
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-stone-500 dark:text-stone-400">
        <Link href="/admin/catalog" className="hover:underline">Catalog</Link> / <span>{p.externalId}</span>
      </nav>
      <PageHeader
        title={p.name}
        description={p.hidden ? "Hidden: shoppers do not see this product in the deck, search or catalog." : "Visible to shoppers."}
        actions={<HideToggle id={p.id} name={p.name} hidden={p.hidden} />}
      />
      <div className="grid gap-6 lg:grid-cols-[280px_1fr]">
        <Card>
          {p.imageUrl ? (
            <Image src={p.imageUrl} alt={p.name} width={300} height={400} sizes="280px" unoptimized={!p.imageUrl.startsWith("/media/")} className="h-auto w-full rounded-lg bg-stone-100 object-contain dark:bg-stone-800" />
          ) : null}
          <dl className="mt-4 space-y-2 text-sm">
            {facts.map(([k, v]) => (
              <div key={k} className="flex justify-between gap-3">
                <dt className="text-stone-500 dark:text-stone-400">{k}</dt>
                <dd className="text-right">{v}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <Card title="Attributes" subtitle="Changes apply to the deck at once (the catalog version is bumped).">
          <ProductEditForm product={p} />
        </Card>
      </div>
    </>
  );
}
