"use client";
// Search by photo, phone first: "Take a photo" (the camera, on touch devices) or "Choose a
// photo"; a crop box over the photo (react-image-crop: drag, resize handles, touch, mouse
// and arrow keys) that starts on the item found in the photo (lib/embedding/item-region.ts
// on a small thumbnail) or on the whole photo; "Search this area" crops in the browser (a
// canvas from createImageBitmap, which applies the EXIF orientation like the <img> shown),
// checks the JPEG against PHOTO_LIMITS and uploads it to POST /api/search/photo. The answer
// is shown as "Closest matches" in order, without a percentage (the route sends no score:
// cosines are not calibrated), with the article types as chips that narrow the hits with a
// tap (client-side). Each hit is a ProductCard linking to /p/<id>; the route's errors are
// shown as they come (413/415/422 name the problem).
import { useEffect, useRef, useState } from "react";
import ReactCrop, { type PercentCrop } from "react-image-crop";
import "react-image-crop/dist/ReactCrop.css";
import { api } from "@/app/_store/api-client";
import { findItem, labPixels } from "@/lib/embedding/item-region";
import { cropPixels, defaultCrop, uploadProblem, uploadSize, WHOLE_PHOTO } from "@/lib/search/photo-crop";
import type { PhotoSearchResponse } from "@/lib/search/contract";
import { CameraIcon, GridIcon, SearchIcon, XIcon } from "./icons";
import { ProductCard } from "./product-card";
import { StateBox, TileSkeletons } from "./state-box";

/** The photo as picked (phones take 3-15 MB pictures; only the cropped JPEG is uploaded). */
const MAX_PICKED_BYTES = 30 * 1024 * 1024;
/** Longest side of the thumbnail the item is looked for in. */
const DETECT_SIDE = 128;
const JPEG_QUALITY = 0.9;

const CROP_LABELS = {
  cropArea: "Search area: drag to move it, or use the arrow keys",
  nwDragHandle: "Top-left corner of the search area",
  nDragHandle: "Top edge of the search area",
  neDragHandle: "Top-right corner of the search area",
  eDragHandle: "Right edge of the search area",
  seDragHandle: "Bottom-right corner of the search area",
  sDragHandle: "Bottom edge of the search area",
  swDragHandle: "Bottom-left corner of the search area",
  wDragHandle: "Left edge of the search area",
};

type Status = { kind: "idle" } | { kind: "searching" } | { kind: "done"; result: PhotoSearchResponse } | { kind: "error"; message: string };

interface Picked {
  url: string;
  name: string;
  bitmap: ImageBitmap;
}

const button =
  "min-h-11 items-center justify-center gap-2 rounded-2xl px-5 py-2.5 text-sm font-semibold shadow-sm ring-1 transition has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-brand-500";

/** The item found in a small copy of the photo, as the crop box's starting place. */
function detectCrop(bitmap: ImageBitmap): PercentCrop {
  const scale = Math.min(1, DETECT_SIDE / Math.max(bitmap.width, bitmap.height));
  const w = Math.max(1, Math.round(bitmap.width * scale));
  const h = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = document.createElement("canvas");
  canvas.width = w;
  canvas.height = h;
  const ctx = canvas.getContext("2d", { willReadFrequently: true });
  if (!ctx) return WHOLE_PHOTO;
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, w, h);
  ctx.drawImage(bitmap, 0, 0, w, h);
  return defaultCrop(findItem(labPixels(ctx.getImageData(0, 0, w, h).data, 4), w, h));
}

/** The crop as a JPEG file within the route's limits, or the reason it cannot be sent. */
async function croppedUpload(bitmap: ImageBitmap, crop: PercentCrop): Promise<File | string> {
  const rect = cropPixels(crop, bitmap.width, bitmap.height);
  const size = uploadSize(rect);
  const canvas = document.createElement("canvas");
  canvas.width = size.width;
  canvas.height = size.height;
  const ctx = canvas.getContext("2d");
  if (!ctx) return "This browser cannot crop photos.";
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, size.width, size.height);
  ctx.drawImage(bitmap, rect.x, rect.y, rect.width, rect.height, 0, 0, size.width, size.height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/jpeg", JPEG_QUALITY));
  if (!blob) return "This browser could not crop the photo.";
  const problem = uploadProblem({ bytes: blob.size, type: blob.type, width: size.width, height: size.height });
  return problem ?? new File([blob], "photo-crop.jpg", { type: "image/jpeg" });
}

export function PhotoSearch() {
  const [picked, setPicked] = useState<Picked | null>(null);
  const [crop, setCrop] = useState<PercentCrop>(WHOLE_PHOTO);
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const [pickError, setPickError] = useState<string | null>(null);
  const [type, setType] = useState<string | null>(null);
  const touched = useRef(false);
  const seq = useRef(0);
  const resultsRef = useRef<HTMLHeadingElement>(null);
  const cropRef = useRef<HTMLDivElement>(null);

  // release the previous photo's object URL and decoded bitmap
  useEffect(
    () => () => {
      if (picked) {
        URL.revokeObjectURL(picked.url);
        picked.bitmap.close();
      }
    },
    [picked],
  );

  useEffect(() => {
    if (status.kind === "done") resultsRef.current?.focus();
  }, [status]);


  const onFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = "";
    if (!file) return;
    const id = ++seq.current;
    setPickError(null);
    setStatus({ kind: "idle" });
    setType(null);
    if (!file.type.startsWith("image/")) return setPickError("Choose a photo (JPEG, PNG or WebP).");
    if (file.size > MAX_PICKED_BYTES) return setPickError(`That photo is larger than ${MAX_PICKED_BYTES / (1024 * 1024)} MB.`);
    let bitmap: ImageBitmap;
    try {
      bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
    } catch {
      return setPickError("We couldn't read that photo. Try a JPEG, PNG or WebP picture.");
    }
    if (id !== seq.current) return bitmap.close();
    touched.current = false;
    setPicked({ url: URL.createObjectURL(file), name: file.name, bitmap });
    setCrop(WHOLE_PHOTO);
    // find the item off the input handler's frame; keep the shopper's own box if they moved it first
    setTimeout(() => {
      if (id !== seq.current || touched.current) return;
      setCrop(detectCrop(bitmap));
    }, 0);
  };

  const search = async () => {
    if (!picked) return;
    const id = ++seq.current;
    setStatus({ kind: "searching" });
    setType(null);
    try {
      const upload = await croppedUpload(picked.bitmap, crop);
      if (typeof upload === "string") {
        if (id === seq.current) setStatus({ kind: "error", message: upload });
        return;
      }
      const result = await api.searchPhoto(upload);
      if (id === seq.current) setStatus({ kind: "done", result });
    } catch (e) {
      if (id === seq.current) setStatus({ kind: "error", message: e instanceof Error ? e.message : "Photo search failed." });
    }
  };

  const clear = () => {
    seq.current++;
    setPicked(null);
    setStatus({ kind: "idle" });
    setPickError(null);
    setType(null);
  };

  const result = status.kind === "done" ? status.result : null;
  const hits = result ? (type ? result.hits.filter((p) => p.articleType === type) : result.hits) : [];

  return (
    <section aria-labelledby="photo-search-title" className="mt-8" data-testid="photo-search">
      <h2 id="photo-search-title" className="text-xl font-bold tracking-tight">Search with a photo</h2>
      <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">Snap or pick a photo, frame the piece you like, and we&apos;ll find the closest matches.</p>

      <div className="mt-4 flex flex-wrap gap-3">
        <label className={`${button} hidden cursor-pointer bg-stone-900 text-white ring-stone-900 pointer-coarse:inline-flex dark:bg-white dark:text-stone-900 dark:ring-white`}>
          <CameraIcon size={20} />
          Take a photo
          <input type="file" accept="image/*" capture="environment" className="sr-only" onChange={(e) => void onFile(e.currentTarget)} data-testid="photo-camera-input" />
        </label>
        <label className={`${button} inline-flex cursor-pointer bg-white ring-stone-200 hover:ring-stone-400 dark:bg-stone-900 dark:ring-stone-700`}>
          <GridIcon size={20} className="text-brand-700 dark:text-brand-400" />
          Choose a photo
          <input type="file" accept="image/jpeg,image/png,image/webp,image/*" className="sr-only" onChange={(e) => void onFile(e.currentTarget)} data-testid="photo-input" />
        </label>
      </div>

      {pickError ? (
        <p role="alert" className="mt-3 text-sm font-medium text-nope" data-testid="photo-pick-error">{pickError}</p>
      ) : null}

      {picked ? (
        <div ref={cropRef} className="mt-4 scroll-mt-20 scroll-mb-20 rounded-3xl bg-white p-3 ring-1 ring-stone-200 dark:bg-stone-900 dark:ring-stone-800" data-testid="photo-crop">
          <div className="flex items-center justify-between gap-3 px-1 pb-3">
            <p className="min-w-0 truncate text-sm" id="photo-crop-help">
              Drag the box onto the piece you want, then search. <span className="sr-only">Photo: {picked.name}</span>
            </p>
            <button type="button" onClick={clear} className="inline-flex h-11 w-11 shrink-0 items-center justify-center rounded-full hover:bg-stone-100 dark:hover:bg-stone-800" aria-label="Remove photo">
              <XIcon size={18} />
            </button>
          </div>
          <div className="flex justify-center [--rc-drag-handle-mobile-size:44px] [--rc-drag-handle-size:28px]">
            <ReactCrop
              crop={crop}
              onChange={(_, percent) => {
                touched.current = true;
                setCrop(percent);
              }}
              keepSelection
              minWidth={32}
              minHeight={32}
              ruleOfThirds
              ariaLabels={CROP_LABELS}
              // the photo under the box never scrolls the page while a finger moves the box
              className="max-h-[50vh] touch-none md:max-h-[60vh]"
            >
              {/* eslint-disable-next-line @next/next/no-img-element -- a local object URL: next/image cannot optimise it */}
              <img
                src={picked.url}
                alt="Your photo"
                // on a phone the photo opens below the buttons: once it has its size, bring the crop box into view
                onLoad={() => cropRef.current?.scrollIntoView({ block: "nearest" })}
                className="max-h-[50vh] w-auto md:max-h-[60vh]" data-testid="photo-crop-image" />
            </ReactCrop>
          </div>
          <div className="mt-3 flex justify-center">
            <button
              type="button"
              onClick={() => void search()}
              disabled={status.kind === "searching"}
              aria-describedby="photo-crop-help"
              className="inline-flex h-12 items-center gap-2 rounded-2xl bg-brand-600 px-6 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 disabled:opacity-60"
              data-testid="photo-search-area"
            >
              <SearchIcon size={18} />
              {status.kind === "searching" ? "Searching…" : "Search this area"}
            </button>
          </div>
        </div>
      ) : null}

      <div className="mt-6" aria-live="polite" aria-busy={status.kind === "searching"}>
        {status.kind === "error" ? (
          <StateBox title="Photo search didn't work" tone="error" role="alert" testId="photo-error"><p>{status.message}</p></StateBox>
        ) : status.kind === "searching" ? (
          <TileSkeletons />
        ) : result && result.hits.length === 0 ? (
          <StateBox title="Nothing to compare with yet" testId="photo-empty"><p>The catalog has no product pictures to match your photo against.</p></StateBox>
        ) : result ? (
          <div data-testid="photo-results">
            <h3 ref={resultsRef} tabIndex={-1} className="text-lg font-bold outline-none">Closest matches</h3>
            <p className="mt-0.5 text-sm text-stone-600 dark:text-stone-400">Ordered by how closely each piece resembles your photo, the closest first.</p>
            {result.types.length > 1 ? (
              <div role="group" aria-label="Narrow by type" className="mt-3 flex flex-wrap gap-2">
                {[{ value: null, label: "All", count: result.hits.length }, ...result.types].map((t) => {
                  const on = type === t.value;
                  return (
                    <button
                      key={t.value ?? "all"}
                      type="button"
                      aria-pressed={on}
                      onClick={() => setType(t.value)}
                      className={`inline-flex min-h-11 items-center gap-1.5 rounded-full px-4 text-sm font-medium ring-1 ${
                        on ? "bg-stone-900 text-white ring-stone-900 dark:bg-white dark:text-stone-900 dark:ring-white" : "bg-white ring-stone-300 hover:ring-stone-500 dark:bg-stone-900 dark:ring-stone-700"
                      }`}
                      data-testid="photo-type-chip"
                      data-type={t.value ?? ""}
                    >
                      {t.label}
                      <span className={on ? "opacity-80" : "text-stone-500 dark:text-stone-400"}>{t.count}</span>
                    </button>
                  );
                })}
              </div>
            ) : null}
            <ul className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
              {hits.map((p) => (
                <li key={p.id} data-article-type={p.articleType}>
                  <ProductCard product={p} testId="photo-hit" heading="h3" />
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </section>
  );
}
