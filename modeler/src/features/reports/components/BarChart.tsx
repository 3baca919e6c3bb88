/**
 * Bar charts (with an optional line on a second axis) drawn by Chart.js on
 * a canvas: the chart library we chose because it is the most used and
 * best kept of the field, draws on canvas with no inline scripts and no
 * eval (it runs under the app's strict CSP), and takes only the pieces
 * registered here into the bundle. Clicking a bar opens what is behind it.
 * The same figures are in the table beside every chart, for screen readers
 * and the CSV.
 */
import { useEffect, useRef } from 'preact/hooks';
import { BarController, BarElement, CategoryScale, Chart, Legend, LineController, LineElement, LinearScale, PointElement, Tooltip, type ChartDataset } from 'chart.js';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend);

export interface Series {
  label: string;
  values: (number | null)[];
  colour: string;
  /** Drawn as a line on the right axis (e.g. a duration in hours). */
  line?: boolean;
  stack?: string;
}

export interface BarChartProps {
  /** What the chart shows, for screen readers. */
  label: string;
  categories: string[];
  series: Series[];
  /** The right axis' title when a series is a line. */
  lineAxis?: string;
  horizontal?: boolean;
  height?: number;
  /** A bar was clicked: which series, which category. */
  onPick?(series: number, category: number): void;
}

export function BarChart({ label, categories, series, lineAxis, horizontal, height = 260, onPick }: BarChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart>();
  const pick = useRef(onPick);
  pick.current = onPick;

  useEffect(() => {
    const datasets = series.map((s): ChartDataset<'bar' | 'line', (number | null)[]> => (s.line
      ? { type: 'line', label: s.label, data: s.values, borderColor: s.colour, backgroundColor: s.colour, yAxisID: 'line', tension: 0.25, spanGaps: true, pointRadius: 3 }
      : { type: 'bar', label: s.label, data: s.values, backgroundColor: s.colour, borderRadius: 3, stack: s.stack, maxBarThickness: 36 }));
    const stacked = series.some((s) => s.stack);
    const index = horizontal ? 'y' : 'x';
    const value = horizontal ? 'x' : 'y';
    const config = {
      data: { labels: categories, datasets },
      options: {
        indexAxis: index,
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        interaction: { mode: 'index', intersect: false },
        plugins: { legend: { position: 'bottom', labels: { boxWidth: 12, usePointStyle: true } } },
        scales: {
          [index]: { stacked, grid: { display: false } },
          [value]: { stacked, beginAtZero: true, ticks: { precision: 0 } },
          ...(series.some((s) => s.line) ? { line: { position: 'right', beginAtZero: true, title: { display: true, text: lineAxis ?? '' }, grid: { drawOnChartArea: false } } } : {}),
        },
        onClick: (_event: unknown, elements: { datasetIndex: number; index: number }[]) => {
          const [hit] = elements;
          if (hit) pick.current?.(hit.datasetIndex, hit.index);
        },
        onHover: (event: { native?: Event | null }, elements: unknown[]) => {
          const target = event.native?.target as HTMLElement | undefined;
          if (target) target.style.cursor = elements.length && pick.current ? 'pointer' : 'default';
        },
      },
    } as unknown as ConstructorParameters<typeof Chart>[1];
    if (chart.current) {
      chart.current.data = config.data as Chart['data'];
      chart.current.options = config.options as Chart['options'];
      chart.current.update();
    } else {
      chart.current = new Chart(canvas.current!, { type: 'bar', ...config } as ConstructorParameters<typeof Chart>[1]) as unknown as Chart;
    }
  }, [JSON.stringify(categories), JSON.stringify(series), horizontal, lineAxis]);

  useEffect(() => () => chart.current?.destroy(), []);

  return (
    <figure class="rep-chart" style={{ height: `${height}px` }}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </figure>
  );
}
