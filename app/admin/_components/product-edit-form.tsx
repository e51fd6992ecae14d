"use client";
// Product attribute editor: validates with the shared zod schema, PATCHes only changed
// fields, shows per-field errors (client or server) and a saved confirmation.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { AdminProductView } from "@/lib/admin/catalog";
import { productPatchSchema } from "@/lib/admin/schemas";
import { adminFetch, jsonInit } from "./admin-fetch";
import { inputClass, labelClass, primaryButton } from "./ui";

type Fields = { name: string; brand: string; articleType: string; colours: string; styles: string; price: string; sizes: string; description: string; productUrl: string };
const FIELD_OF: Record<string, keyof Fields> = { priceCents: "price" };

const list = (s: string) => s.split(",").map((x) => x.trim()).filter(Boolean);
const initial = (p: AdminProductView): Fields => ({
  name: p.name, brand: p.brand, articleType: p.articleType, colours: p.colours.join(", "), styles: p.styles.join(", "),
  price: p.priceCents === null ? "" : (p.priceCents / 100).toFixed(2), sizes: p.sizes.join(", "), description: p.description,
  productUrl: p.productUrl ?? "",
});

export function ProductEditForm({ product }: { product: AdminProductView }) {
  const router = useRouter();
  const [f, setF] = useState<Fields>(() => initial(product));
  const [errors, setErrors] = useState<Partial<Record<keyof Fields, string>>>({});
  const [status, setStatus] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  function patchFromFields(): Record<string, unknown> | null {
    const base = initial(product);
    const out: Record<string, unknown> = {};
    const price = f.price.trim();
    if (price !== base.price) {
      if (price !== "" && !/^\d{1,7}(\.\d{1,2})?$/.test(price)) {
        setErrors({ price: "Enter a price like 49.90, or leave empty" });
        return null;
      }
      out.priceCents = price === "" ? null : Math.round(Number(price) * 100);
    }
    for (const k of ["name", "brand", "articleType", "description"] as const) if (f[k] !== base[k]) out[k] = f[k];
    for (const k of ["colours", "styles", "sizes"] as const) if (f[k] !== base[k]) out[k] = list(f[k]);
    if (f.productUrl.trim() !== base.productUrl) out.productUrl = f.productUrl.trim() === "" ? null : f.productUrl.trim();
    return out;
  }

  function showIssues(issues: { path: string; message: string }[]) {
    const next: Partial<Record<keyof Fields, string>> = {};
    for (const i of issues) {
      const key = (FIELD_OF[i.path.split(".")[0]] ?? i.path.split(".")[0]) as keyof Fields;
      if (key in f) next[key] ??= i.message;
    }
    setErrors(next);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setStatus(null);
    setErrors({});
    const patch = patchFromFields();
    if (!patch) return;
    if (Object.keys(patch).length === 0) {
      setStatus({ tone: "ok", text: "Nothing changed." });
      return;
    }
    const local = productPatchSchema.safeParse(patch);
    if (!local.success) {
      showIssues(local.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })));
      setStatus({ tone: "error", text: "Fix the highlighted fields." });
      return;
    }
    setBusy(true);
    const r = await adminFetch<AdminProductView>(`/api/admin/products/${product.id}`, jsonInit("PATCH", patch));
    setBusy(false);
    if (!r.ok) {
      showIssues(r.issues);
      setStatus({ tone: "error", text: r.error });
      return;
    }
    setF(initial(r.body));
    setStatus({ tone: "ok", text: "Saved. The deck uses the new attributes from now on." });
    router.refresh();
  }

  const field = (key: keyof Fields, label: string, opts: { hint?: string; wide?: boolean; multiline?: boolean; inputMode?: "decimal" | "url" } = {}) => {
    const id = `edit-${key}`;
    const err = errors[key];
    const describedBy = [opts.hint ? `${id}-hint` : null, err ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
    const common = {
      id, name: key, value: f[key], "aria-invalid": err ? true : undefined, "aria-describedby": describedBy,
      className: `${inputClass} ${err ? "border-rose-500 focus:border-rose-500 focus:ring-rose-500/30" : ""}`,
    };
    return (
      <div className={opts.wide ? "sm:col-span-2" : ""}>
        <label htmlFor={id} className={labelClass}>{label}</label>
        {opts.multiline ? (
          <textarea {...common} rows={4} onChange={(e) => setF({ ...f, [key]: e.target.value })} />
        ) : (
          <input {...common} inputMode={opts.inputMode} onChange={(e) => setF({ ...f, [key]: e.target.value })} />
        )}
        {opts.hint ? <p id={`${id}-hint`} className="mt-1 text-xs text-stone-500 dark:text-stone-400">{opts.hint}</p> : null}
        {err ? <p id={`${id}-error`} className="mt-1 text-xs font-medium text-rose-600 dark:text-rose-400">{err}</p> : null}
      </div>
    );
  };

  return (
    <form onSubmit={submit} className="grid gap-4 sm:grid-cols-2" noValidate>
      {field("name", "Name", { wide: true })}
      {field("brand", "Brand")}
      {field("articleType", "Article type")}
      {field("colours", "Colours", { hint: "Comma-separated, primary first" })}
      {field("styles", "Styles", { hint: "Comma-separated, e.g. casual, party" })}
      {field("price", `Price (${product.currency})`, { hint: "Leave empty for no price", inputMode: "decimal" })}
      {field("sizes", "Sizes", { hint: "Comma-separated, e.g. S, M, L" })}
      {field("description", "Description", { wide: true, multiline: true })}
      {field("productUrl", "Product URL", { wide: true, hint: "Where it is sold, e.g. https://shop.example.com/item/42 (shown as “Buy at …”). Leave empty for none", inputMode: "url" })}
      <div className="flex items-center gap-3 sm:col-span-2">
        <button type="submit" className={primaryButton} disabled={busy}>{busy ? "Saving…" : "Save changes"}</button>
        {status ? (
          <p role={status.tone === "error" ? "alert" : "status"} className={`text-sm ${status.tone === "error" ? "text-rose-600 dark:text-rose-400" : "text-emerald-700 dark:text-emerald-400"}`}>
            {status.text}
          </p>
        ) : null}
      </div>
    </form>
  );
}
