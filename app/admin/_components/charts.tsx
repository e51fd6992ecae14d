"use client";
// Dashboard charts (recharts, client-only): like-rate by swipe index, swipes per shopper,
// shoppers per blend stage. Data arrives from the Server Component page as props; each
// chart also carries a screen-reader table of the same numbers.
import { Bar, BarChart, CartesianGrid, Cell, LabelList, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import type { NameType, ValueType } from "recharts/types/component/DefaultTooltipContent";

const BRAND = "#f43f6b";
const SKY = "#0ea5e9";
const VIOLET = "#8b5cf6";

function ChartFrame({ label, children, rows }: { label: string; children: React.ReactNode; rows: [string, string][] }) {
  return (
    <figure className="text-stone-500 dark:text-stone-400">
      <div role="img" aria-label={label}>{children}</div>
      <table className="sr-only">
        <caption>{label}</caption>
        <tbody>
          {rows.map(([k, v]) => (
            <tr key={k}>
              <th scope="row">{k}</th>
              <td>{v}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

function TipBox({ title, lines }: { title: string; lines: string[] }) {
  return (
    <div className="rounded-lg border border-stone-200 bg-white px-3 py-2 text-xs text-stone-800 shadow-lg dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100">
      <p className="font-semibold">{title}</p>
      {lines.map((l) => (
        <p key={l} className="text-stone-600 dark:text-stone-300">{l}</p>
      ))}
    </div>
  );
}

const axis = { stroke: "currentColor", strokeOpacity: 0.3, tick: { fill: "currentColor", fontSize: 12 }, tickLine: false } as const;
const grid = <CartesianGrid vertical={false} stroke="currentColor" strokeOpacity={0.12} />;
const chartStyle = { width: "100%", height: 240 } as const;
const pct = (x: number | null) => (x === null ? "no data" : `${Math.round(x * 100)}%`);

function LikeRateTip({ active, payload }: TooltipContentProps<ValueType, NameType>) {
  const d = active && payload?.[0] ? (payload[0].payload as IndexBucket) : null;
  return d ? <TipBox title={`Swipes ${d.bucket}`} lines={[`Like-rate ${pct(d.likeRate)}`, `${d.positives} of ${d.events} swipes liked`]} /> : null;
}

function SwipesTip({ active, payload }: TooltipContentProps<ValueType, NameType>) {
  const d = active && payload?.[0] ? (payload[0].payload as { bucket: string; shoppers: number }) : null;
  return d ? <TipBox title={`${d.bucket} swipes`} lines={[`${d.shoppers} shopper${d.shoppers === 1 ? "" : "s"}`]} /> : null;
}

export interface IndexBucket {
  bucket: string;
  events: number;
  positives: number;
  likeRate: number | null;
}

export function LikeRateChart({ data }: { data: IndexBucket[] }) {
  const rows = data.map((d) => ({ ...d, rate: d.likeRate === null ? 0 : Math.round(d.likeRate * 1000) / 10 }));
  return (
    <ChartFrame label="Like-rate by swipe index" rows={data.map((d) => [`Swipes ${d.bucket}`, `${pct(d.likeRate)} of ${d.events}`])}>
      <BarChart data={rows} style={chartStyle} responsive margin={{ top: 20, right: 8, left: 0, bottom: 0 }}>
        {grid}
        <XAxis dataKey="bucket" {...axis} />
        <YAxis {...axis} unit="%" domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} width={44} />
        <Tooltip content={LikeRateTip} cursor={{ fill: "currentColor", fillOpacity: 0.06 }} />
        <Bar dataKey="rate" fill={BRAND} radius={[6, 6, 0, 0]} maxBarSize={56} isAnimationActive={false}>
          <LabelList dataKey="rate" position="top" formatter={(v: unknown) => (typeof v === "number" && v > 0 ? `${v}%` : "")} fill="currentColor" fontSize={11} />
        </Bar>
      </BarChart>
    </ChartFrame>
  );
}

export function SwipesChart({ data }: { data: { bucket: string; shoppers: number }[] }) {
  return (
    <ChartFrame label="Shoppers by number of swipes" rows={data.map((d) => [`${d.bucket} swipes`, `${d.shoppers} shoppers`])}>
      <BarChart data={data} style={chartStyle} responsive margin={{ top: 20, right: 8, left: -20, bottom: 0 }}>
        {grid}
        <XAxis dataKey="bucket" {...axis} />
        <YAxis {...axis} allowDecimals={false} width={40} />
        <Tooltip content={SwipesTip} cursor={{ fill: "currentColor", fillOpacity: 0.06 }} />
        <Bar dataKey="shoppers" fill={SKY} radius={[6, 6, 0, 0]} maxBarSize={48} isAnimationActive={false}>
          <LabelList dataKey="shoppers" position="top" fill="currentColor" fontSize={11} formatter={(v: unknown) => (v ? String(v) : "")} />
        </Bar>
      </BarChart>
    </ChartFrame>
  );
}

export function StagesChart({ data }: { data: { label: string; shoppers: number }[] }) {
  const colours = [VIOLET, SKY, BRAND];
  return (
    <ChartFrame label="Shoppers per blend stage" rows={data.map((d) => [d.label, `${d.shoppers} shoppers`])}>
      <BarChart data={data} layout="vertical" style={{ width: "100%", height: 150 }} responsive margin={{ top: 0, right: 32, left: 8, bottom: 0 }}>
        <XAxis type="number" hide allowDecimals={false} />
        <YAxis type="category" dataKey="label" {...axis} width={96} />
        <Bar dataKey="shoppers" radius={[0, 6, 6, 0]} maxBarSize={28} isAnimationActive={false}>
          {data.map((d, i) => (
            <Cell key={d.label} fill={colours[i % colours.length]} />
          ))}
          <LabelList dataKey="shoppers" position="right" fill="currentColor" fontSize={12} />
        </Bar>
      </BarChart>
    </ChartFrame>
  );
}
