// /admin/catalog - searchable, filterable, paged product table with embedding status,
// feedback counts, edit links and hide/unhide. Filters are a plain GET form. Server Component.
import type { Metadata } from "next";
import Link from "next/link";
import { listCatalog } from "@/lib/admin/catalog";
import { money, num, pct } from "@/lib/admin/format";
import { requireAdminPage } from "@/lib/admin/page-guard";
import { adminProductQuerySchema } from "@/lib/admin/schemas";
import { DisabledPanel } from "../../_components/disabled-panel";
import { HideToggle } from "../../_components/hide-toggle";
import { Badge, buttonClass, Empty, inputClass, labelClass, PageHeader, primaryButton, secondaryButton, TableShell, td, th, Thumb } from "../../_components/ui";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Catalog" };

const PAGE_SIZE = 25;
type SP = Record<string, string | string[] | undefined>;

function parseFilters(sp: SP) {
  const pick = (k: string) => (typeof sp[k] === "string" ? (sp[k] as string) : undefined);
  const page = Math.max(1, Math.min(100_000, Number.parseInt(pick("page") ?? "1", 10) || 1));
  const raw = { q: pick("q"), articleType: pick("articleType"), gender: pick("gender") || undefined, hidden: pick("hidden") || undefined, embedding: pick("embedding") || undefined };
  const parsed = adminProductQuerySchema.safeParse({ ...raw, offset: String((page - 1) * PAGE_SIZE), limit: String(PAGE_SIZE) });
  return { page, query: parsed.success ? parsed.data : adminProductQuerySchema.parse({ limit: String(PAGE_SIZE) }), invalid: !parsed.success };
}

export default async function AdminCatalogPage({ searchParams }: { searchParams: Promise<SP> }) {
  if ((await requireAdminPage()) === "disabled") return <DisabledPanel />;
  const { page, query, invalid } = parseFilters(await searchParams);
  const data = await listCatalog(query);
  const pages = Math.max(1, Math.ceil(data.total / PAGE_SIZE));
  const params = { q: query.q, articleType: query.articleType, gender: query.gender, hidden: query.hidden === "all" ? undefined : query.hidden, embedding: query.embedding === "all" ? undefined : query.embedding };
  const href = (p: number) => {
    const u = new URLSearchParams(Object.entries({ ...params, page: p > 1 ? String(p) : undefined }).filter((e): e is [string, string] => Boolean(e[1])));
    const s = u.toString();
    return s ? `/admin/catalog?${s}` : "/admin/catalog";
  };
  const from = data.total === 0 ? 0 : query.offset + 1;
  const to = Math.min(query.offset + PAGE_SIZE, data.total);

  return (
    <>
      <PageHeader
        title="Catalog"
        description={
          <>
            {num(data.facets.total)} products, {num(data.facets.hidden)} hidden. Embedding status is for the current model{" "}
            <code className="rounded bg-stone-200/70 px-1 py-0.5 text-xs dark:bg-stone-800">{data.modelId}</code>.
          </>
        }
        actions={<Link href="/admin/import" className={primaryButton}>Import products</Link>}
      />

      <form method="get" action="/admin/catalog" role="search" aria-label="Filter products" className="mb-4 grid gap-3 rounded-xl border border-stone-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-6 dark:border-stone-800 dark:bg-stone-900">
        <div className="sm:col-span-2">
          <label htmlFor="f-q" className={labelClass}>Search</label>
          <input id="f-q" name="q" type="search" defaultValue={query.q ?? ""} placeholder="Name, brand or id" className={inputClass} />
        </div>
        <div>
          <label htmlFor="f-type" className={labelClass}>Article type</label>
          <select id="f-type" name="articleType" defaultValue={query.articleType ?? ""} className={inputClass}>
            <option value="">All types</option>
            {data.facets.articleTypes.map((t) => (
              <option key={t.value} value={t.value}>{t.value} ({t.count})</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="f-gender" className={labelClass}>Gender</label>
          <select id="f-gender" name="gender" defaultValue={query.gender ?? ""} className={inputClass}>
            <option value="">All</option>
            {data.facets.genders.map((g) => (
              <option key={g.value} value={g.value}>{g.value} ({g.count})</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="f-hidden" className={labelClass}>Visibility</label>
          <select id="f-hidden" name="hidden" defaultValue={query.hidden} className={inputClass}>
            <option value="all">All</option>
            <option value="visible">Visible</option>
            <option value="hidden">Hidden</option>
          </select>
        </div>
        <div>
          <label htmlFor="f-emb" className={labelClass}>Embedding</label>
          <select id="f-emb" name="embedding" defaultValue={query.embedding} className={inputClass}>
            <option value="all">All</option>
            <option value="present">Embedded</option>
            <option value="missing">Missing</option>
          </select>
        </div>
        <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-6">
          <button type="submit" className={primaryButton}>Apply filters</button>
          <Link href="/admin/catalog" className={secondaryButton}>Reset</Link>
          {invalid ? <span role="status" className="text-sm text-amber-700 dark:text-amber-400">Some filters were invalid and were ignored.</span> : null}
          <span className="ml-auto text-sm text-stone-500 dark:text-stone-400" role="status" data-testid="catalog-count" data-total={data.total}>
            {data.total === 0 ? "No products match" : `${num(from)}–${num(to)} of ${num(data.total)}`}
          </span>
        </div>
      </form>

      {data.items.length === 0 ? (
        <Empty>No products match these filters.</Empty>
      ) : (
        <TableShell caption="Products">
          <thead className="border-b border-stone-200 bg-stone-50/80 dark:border-stone-800 dark:bg-stone-900">
            <tr>
              <th scope="col" className={th}>Product</th>
              <th scope="col" className={th}>Type</th>
              <th scope="col" className={th}>Colours · styles</th>
              <th scope="col" className={`${th} text-right`}>Price</th>
              <th scope="col" className={th}>Embedding</th>
              <th scope="col" className={`${th} text-right`}>Feedback</th>
              <th scope="col" className={`${th} text-right`}><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100 dark:divide-stone-800">
            {data.items.map((p) => (
              <tr key={p.id} data-testid="admin-product-row" data-external-id={p.externalId} data-hidden={p.hidden} className={p.hidden ? "bg-stone-50/70 dark:bg-stone-950/40" : "hover:bg-stone-50/60 dark:hover:bg-stone-800/30"}>
                <td className={td}>
                  <div className={`flex items-center gap-3 ${p.hidden ? "opacity-60" : ""}`}>
                    <Thumb src={p.imageUrl} alt="" />
                    <div className="min-w-0 max-w-48">
                      <Link href={`/admin/catalog/${p.id}`} className="block truncate font-medium hover:underline">{p.name}</Link>
                      <p className="truncate text-xs text-stone-500 dark:text-stone-400">
                        {p.brand || "No brand"} · <span className="font-mono">{p.externalId}</span>
                      </p>
                    </div>
                    {p.hidden ? <Badge tone="amber">Hidden</Badge> : null}
                  </div>
                </td>
                <td className={td}>
                  <p className="whitespace-nowrap">{p.articleType}</p>
                  <p className="text-xs capitalize text-stone-500 dark:text-stone-400">{p.gender}</p>
                </td>
                <td className={td}>
                  <p className="max-w-32 truncate capitalize">{p.colours.join(", ")}</p>
                  <p className="max-w-32 truncate text-xs text-stone-500 dark:text-stone-400">{p.styles.join(", ") || "–"}</p>
                </td>
                <td className={`${td} whitespace-nowrap text-right tabular-nums`}>{money(p.priceCents, p.currency)}</td>
                <td className={td}>
                  {p.embedding === "missing" ? <Badge tone="red">missing</Badge> : <Badge tone="green" title={p.embedding}>{p.embedding.length > 18 ? `${p.embedding.slice(0, 16)}…` : p.embedding}</Badge>}
                </td>
                <td className={`${td} whitespace-nowrap text-right tabular-nums`}>
                  <p>
                    <span className="sr-only">likes </span><span className="text-emerald-700 dark:text-emerald-400" title="likes + superlikes">♥ {num(p.likes + p.superlikes)}</span>
                    <span className="mx-1 text-stone-300 dark:text-stone-600" aria-hidden="true">/</span>
                    <span className="sr-only">passes </span><span className="text-rose-600 dark:text-rose-400" title="passes">✕ {num(p.passes)}</span>
                  </p>
                  <p className="text-xs text-stone-500 dark:text-stone-400" title="like-rate">{p.likeRate === null ? "no swipes" : `${pct(p.likeRate)} liked`}</p>
                </td>
                <td className={`${td} text-right`}>
                  <div className="flex items-center justify-end gap-2">
                    <Link href={`/admin/catalog/${p.id}`} className={`${buttonClass} px-2.5 py-1 text-xs text-stone-700 ring-1 ring-stone-300 ring-inset hover:bg-stone-50 dark:text-stone-300 dark:ring-stone-700 dark:hover:bg-stone-800`} aria-label={`Edit ${p.name}`}>
                      Edit
                    </Link>
                    <HideToggle id={p.id} name={p.name} hidden={p.hidden} />
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </TableShell>
      )}

      {pages > 1 ? (
        <nav aria-label="Pagination" className="mt-4 flex items-center justify-between text-sm">
          {page > 1 ? <Link className={secondaryButton} href={href(page - 1)} rel="prev">← Previous</Link> : <span />}
          <span className="text-stone-500 dark:text-stone-400">Page {page} of {pages}</span>
          {page < pages ? <Link className={secondaryButton} href={href(page + 1)} rel="next">Next →</Link> : <span />}
        </nav>
      ) : null}
    </>
  );
}
