import { cn } from "@/lib/cn";

export type ChartSeries = { name: string; values: number[] };

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

const WIDTH = 720;
const HEIGHT = 240;
const PAD = { top: 16, right: 16, bottom: 36, left: 56 };

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

/**
 * A line chart in plain SVG, drawn on the server. Screen readers get the
 * chart's summary as its label and the full figures in the table beneath
 * (which anyone can open).
 */
export function LineChart({
  title,
  labels,
  series,
  format = (value: number) => value.toLocaleString("en"),
  periodLabel = "Day",
  className,
}: {
  title: string;
  /** What each point is, for the table's first column: "Day", "Week of". */
  periodLabel?: string;
  labels: string[];
  series: ChartSeries[];
  format?: (value: number) => string;
  className?: string;
}) {
  const max = Math.max(0, ...series.flatMap((line) => line.values));
  const ticks = ticksFor(max);
  const top = ticks.at(-1)!;
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const x = (index: number) =>
    PAD.left + (labels.length <= 1 ? plotWidth / 2 : (index * plotWidth) / (labels.length - 1));
  const y = (value: number) => PAD.top + plotHeight - (value / top) * plotHeight;
  const labelEvery = Math.max(1, Math.ceil(labels.length / 8));
  const showMarkers = labels.length <= 40;
  const summary = series
    .map(
      (line) =>
        `${line.name} from ${format(line.values[0] ?? 0)} to ${format(line.values.at(-1) ?? 0)}, highest ${format(Math.max(0, ...line.values))}`,
    )
    .join("; ");
  return (
    <figure className={cn("space-y-2", className)}>
      <figcaption className="text-sm font-semibold text-stone-900">{title}</figcaption>
      <ul className="flex flex-wrap gap-4 text-xs text-stone-700" aria-hidden>
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
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={`${title}, ${labels[0] ?? ""} to ${labels.at(-1) ?? ""}: ${summary}. The table below has every value.`}
        className="h-auto w-full"
      >
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} stroke="#e7e5e4" />
            <text x={PAD.left - 8} y={y(tick) + 4} textAnchor="end" fontSize="11" fill="#57534e">
              {format(tick)}
            </text>
          </g>
        ))}
        {labels.map((label, index) => {
          const isLast = index === labels.length - 1;
          if (index % labelEvery !== 0 && !(isLast && index % labelEvery >= labelEvery / 2)) return null;
          return (
            <text
              key={index}
              x={x(index)}
              y={HEIGHT - 12}
              textAnchor={index === 0 && labels.length > 1 ? "start" : isLast && labels.length > 1 ? "end" : "middle"}
              fontSize="11"
              fill="#57534e"
            >
              {label}
            </text>
          );
        })}
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
              {showMarkers
                ? line.values.map((value, index) => (
                    <Marker key={index} shape={look.marker} x={x(index)} y={y(value)} color={look.stroke} />
                  ))
                : null}
            </g>
          );
        })}
      </svg>
      <details className="text-sm">
        <summary className="cursor-pointer text-brand-700">Show the figures as a table</summary>
        <div className="mt-2 max-h-72 overflow-auto">
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
