"use client";

import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { cn } from "@/lib/cn";
import { estimateLabelWidth, pickTickIndices } from "./chart-ticks";

export type ChartSeries = { name: string; values: number[] };

/** How the values read: plain numbers, or cents shown as whole dollars. */
export type ChartValueFormat = "number" | "cents";

const formats: Record<ChartValueFormat, (value: number) => string> = {
  number: (value) => value.toLocaleString("en"),
  cents: (cents) => `$${(cents / 100).toLocaleString("en", { maximumFractionDigits: 0 })}`,
};

/**
 * Each series is told apart three ways, so colour is never the only cue: its
 * colour, its line pattern, and its marker shape (shown in the legend too).
 */
const looks = [
  { stroke: "#b4235a", dash: "", marker: "circle" },
  { stroke: "#1d4ed8", dash: "6 4", marker: "square" },
  { stroke: "#047857", dash: "2 3", marker: "triangle" },
  { stroke: "#a16207", dash: "10 3 2 3", marker: "diamond" },
] as const;

/** The width drawn before the chart has measured its box (and without JavaScript, scaled to fit). */
const DEFAULT_WIDTH = 720;
const HEIGHT = 240;
const FONT_SIZE = 12;
const LABEL_GAP = 12;
const PAD = { top: 16, right: 12, bottom: 36, left: 12 };

function Marker({
  shape,
  x,
  y,
  color,
}: {
  shape: (typeof looks)[number]["marker"];
  x: number;
  y: number;
  color: string;
}) {
  const size = 3.5;
  if (shape === "circle") return <circle cx={x} cy={y} r={size} fill={color} />;
  if (shape === "square") return <rect x={x - size} y={y - size} width={size * 2} height={size * 2} fill={color} />;
  if (shape === "triangle")
    return <path d={`M${x} ${y - size - 1}L${x + size + 1} ${y + size}L${x - size - 1} ${y + size}Z`} fill={color} />;
  return (
    <path d={`M${x} ${y - size - 1}L${x + size + 1} ${y}L${x} ${y + size + 1}L${x - size - 1} ${y}Z`} fill={color} />
  );
}

/** Round steps for the value axis: 0 and three more, ending at or above the largest value. */
function ticksFor(max: number): number[] {
  if (max <= 0) return [0, 1];
  const rough = max / 3;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough)!;
  return Array.from({ length: Math.ceil(max / step) + 1 }, (_, index) => Number((index * step).toPrecision(12)));
}

/** The width of the element, kept up to date as it changes; null until it has been measured. */
function useWidth() {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState<number | null>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.floor(entry.contentRect.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}

/**
 * A line chart in SVG, drawn at the width of its box so its text stays at a
 * readable size on a phone and a wide screen alike; the day labels are thinned
 * to the ones that fit, always ending with the last. Each day is a point to
 * hover or to reach by keyboard (Tab into the chart, then the arrow keys,
 * Home and End), which shows its figures in a tooltip and names them to a
 * screen reader. A summary of the chart and a table of every figure stand
 * beside it.
 */
export function LineChart({
  title,
  labels,
  series,
  valueFormat = "number",
  periodLabel = "Day",
  className,
}: {
  title: string;
  /** What each point is, for the table's first column and the point's name: "Day", "Week of". */
  periodLabel?: string;
  labels: string[];
  series: ChartSeries[];
  valueFormat?: ChartValueFormat;
  className?: string;
}) {
  const format = formats[valueFormat];
  const [boxRef, measured] = useWidth();
  const [hovered, setHovered] = useState<number | null>(null);
  const [focused, setFocused] = useState<number | null>(null);
  const [current, setCurrent] = useState(Math.max(0, labels.length - 1));
  const pointRefs = useRef<(SVGRectElement | null)[]>([]);
  const summaryId = useId();

  const width = Math.max(240, measured ?? DEFAULT_WIDTH);
  const max = Math.max(0, ...series.flatMap((line) => line.values));
  const ticks = ticksFor(max);
  const top = ticks.at(-1)!;
  const valueLabelWidth = Math.max(...ticks.map((tick) => estimateLabelWidth(format(tick), FONT_SIZE)));
  const left = PAD.left + valueLabelWidth + 8;
  const right = width - PAD.right;
  const plotWidth = right - left;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const x = (index: number) => left + (labels.length <= 1 ? plotWidth / 2 : (index * plotWidth) / (labels.length - 1));
  const y = (value: number) => PAD.top + plotHeight - (value / top) * plotHeight;
  const shownLabels = pickTickIndices(labels.length, {
    x,
    width: (index) => estimateLabelWidth(labels[index] ?? "", FONT_SIZE),
    bounds: [PAD.left, width - 2],
    gap: LABEL_GAP,
  });
  const slot = labels.length <= 1 ? plotWidth : plotWidth / (labels.length - 1);
  const showMarkers = slot >= 6;
  const active = hovered ?? focused;
  const lastLabel = labels.length - 1;

  const pointName = (index: number) =>
    `${periodLabel === "Day" ? "" : `${periodLabel} `}${labels[index] ?? ""}: ${series
      .map((line) => `${line.name} ${format(line.values[index] ?? 0)}`)
      .join(", ")}`;
  const summary = `${title}, ${labels[0] ?? ""} to ${labels.at(-1) ?? ""}: ${series
    .map(
      (line) =>
        `${line.name} from ${format(line.values[0] ?? 0)} to ${format(line.values.at(-1) ?? 0)}, highest ${format(Math.max(0, ...line.values))}`,
    )
    .join("; ")}.`;

  function moveTo(index: number) {
    const next = Math.min(lastLabel, Math.max(0, index));
    setCurrent(next);
    pointRefs.current[next]?.focus();
  }

  function onKeyDown(event: KeyboardEvent<SVGSVGElement>) {
    const step = { ArrowRight: 1, ArrowUp: 1, ArrowLeft: -1, ArrowDown: -1 }[event.key];
    const page = Math.max(1, Math.round(labels.length / 10));
    const target =
      step !== undefined
        ? current + step
        : event.key === "Home"
          ? 0
          : event.key === "End"
            ? lastLabel
            : event.key === "PageUp"
              ? current + page
              : event.key === "PageDown"
                ? current - page
                : null;
    if (target === null) return;
    event.preventDefault();
    moveTo(target);
  }

  return (
    <figure className={cn("space-y-2", className)}>
      <figcaption className="text-sm font-semibold text-stone-900">{title}</figcaption>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-stone-700" aria-hidden>
        {series.map((line, index) => {
          const look = looks[index % looks.length]!;
          return (
            <li key={line.name} className="flex items-center gap-1.5">
              <svg width="28" height="10" viewBox="0 0 28 10">
                <line x1="0" y1="5" x2="28" y2="5" stroke={look.stroke} strokeWidth="2" strokeDasharray={look.dash} />
                <Marker shape={look.marker} x={14} y={5} color={look.stroke} />
              </svg>
              {line.name}
            </li>
          );
        })}
      </ul>
      <p id={summaryId} className="sr-only">
        {summary} Use the arrow keys to read each {periodLabel === "Day" ? "day" : "week"}; the table below has every
        value.
      </p>
      {/* Out of the flow, the drawing never widens its box: the box takes the width it is given, and the chart is drawn to it. */}
      <div ref={boxRef} className="relative w-full" style={{ height: HEIGHT }}>
        <svg
          width={measured === null ? "100%" : width}
          height={HEIGHT}
          viewBox={`0 0 ${width} ${HEIGHT}`}
          role="group"
          aria-label={title}
          aria-describedby={summaryId}
          className="absolute left-0 top-0 block"
          onKeyDown={onKeyDown}
          onMouseLeave={() => setHovered(null)}
        >
          <g aria-hidden>
            {ticks.map((tick) => (
              <g key={tick}>
                <line x1={left} x2={right} y1={y(tick)} y2={y(tick)} stroke="#e7e5e4" />
                <text x={left - 8} y={y(tick) + 4} textAnchor="end" fontSize={FONT_SIZE} fill="#57534e">
                  {format(tick)}
                </text>
              </g>
            ))}
            {shownLabels.map((index) => (
              <text
                key={index}
                x={x(index)}
                y={HEIGHT - 12}
                textAnchor={
                  labels.length > 1 && index === 0
                    ? "start"
                    : labels.length > 1 && index === lastLabel
                      ? "end"
                      : "middle"
                }
                fontSize={FONT_SIZE}
                fill="#57534e"
              >
                {labels[index]}
              </text>
            ))}
            {active !== null ? (
              <line
                x1={x(active)}
                x2={x(active)}
                y1={PAD.top}
                y2={PAD.top + plotHeight}
                stroke="#57534e"
                strokeWidth="1"
              />
            ) : null}
            {series.map((line, seriesIndex) => {
              const look = looks[seriesIndex % looks.length]!;
              const path = line.values
                .map((value, index) => `${index === 0 ? "M" : "L"}${x(index).toFixed(1)} ${y(value).toFixed(1)}`)
                .join("");
              return (
                <g key={line.name}>
                  <path
                    d={path}
                    fill="none"
                    stroke={look.stroke}
                    strokeWidth="2"
                    strokeDasharray={look.dash}
                    strokeLinejoin="round"
                  />
                  {line.values.map((value, index) =>
                    showMarkers || index === active ? (
                      <Marker key={index} shape={look.marker} x={x(index)} y={y(value)} color={look.stroke} />
                    ) : null,
                  )}
                </g>
              );
            })}
          </g>
          {labels.map((label, index) => {
            const start = index === 0 ? left - Math.min(slot / 2, 8) : x(index) - slot / 2;
            const end = index === lastLabel ? right + Math.min(slot / 2, 8) : x(index) + slot / 2;
            return (
              <rect
                key={`${index}-${label}`}
                ref={(element) => {
                  pointRefs.current[index] = element;
                }}
                x={start}
                y={PAD.top - 4}
                width={Math.max(1, end - start)}
                height={plotHeight + 8}
                rx="4"
                fill="transparent"
                stroke={focused === index ? "#1c1917" : "none"}
                strokeWidth="2"
                className="outline-none"
                role="img"
                aria-label={pointName(index)}
                tabIndex={index === current ? 0 : -1}
                onFocus={() => {
                  setCurrent(index);
                  setFocused(index);
                }}
                onBlur={() => setFocused(null)}
                onMouseEnter={() => setHovered(index)}
              />
            );
          })}
        </svg>
        {active !== null && measured !== null ? (
          <div
            aria-hidden
            data-testid="chart-tooltip"
            className="pointer-events-none absolute top-0 z-10 max-w-[16rem] rounded-lg bg-stone-900 px-2.5 py-1.5 text-xs text-white shadow-lg"
            style={x(active) > width / 2 ? { right: width - x(active) + 8 } : { left: x(active) + 8 }}
          >
            <p className="font-semibold">
              {periodLabel === "Day" ? "" : `${periodLabel} `}
              {labels[active]}
            </p>
            <ul>
              {series.map((line, index) => (
                <li key={line.name} className="flex justify-between gap-3">
                  <span>
                    <span aria-hidden style={{ color: lighter[index % lighter.length] }}>
                      {glyphs[index % glyphs.length]}
                    </span>{" "}
                    {line.name}
                  </span>
                  <span className="tabular-nums">{format(line.values[active] ?? 0)}</span>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
      <details className="text-sm">
        <summary className="cursor-pointer text-brand-700">Show the figures as a table</summary>
        <div
          className="mt-2 max-h-72 overflow-auto"
          role="region"
          aria-label={`${title}, every figure`}
          // The table scrolls inside its own box, so a keyboard can reach and scroll it.
          tabIndex={0}
        >
          <table className="w-full text-left text-xs">
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr>
                <th scope="col" className="py-1 pr-3">
                  {periodLabel}
                </th>
                {series.map((line) => (
                  <th key={line.name} scope="col" className="py-1 pr-3 text-right">
                    {line.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {labels.map((label, index) => (
                <tr key={index} className="border-t border-stone-100">
                  <th scope="row" className="py-1 pr-3 font-normal">
                    {label}
                  </th>
                  {series.map((line) => (
                    <td key={line.name} className="py-1 pr-3 text-right tabular-nums">
                      {format(line.values[index] ?? 0)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

/** The series' marker shapes as text, in colours that read on the tooltip's dark ground. */
const glyphs = ["\u25cf", "\u25a0", "\u25b2", "\u25c6"] as const;
const lighter = ["#f9a8d4", "#93c5fd", "#6ee7b7", "#fcd34d"] as const;
