/**
 * The dashboard's charts on chart.js through react-chartjs-2. Only the parts these charts use are
 * registered (no `chart.js/auto`), which keeps the page's lazily loaded chunk small. Colours are
 * saturated so that drawn data stands apart from the grey axes and grid.
 */
import * as React from 'react';
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart as ChartJS,
  type ChartData,
  type ChartOptions,
  DoughnutController,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { Bar, Doughnut, Line } from 'react-chartjs-2';
import { Box } from '@strapi/design-system';

ChartJS.register(
  CategoryScale,
  LinearScale,
  PointElement,
  LineElement,
  BarElement,
  ArcElement,
  LineController,
  BarController,
  DoughnutController,
  Tooltip,
  Legend
);

export const PALETTE = ['#4945ff', '#ee5e52', '#0c75af', '#f29d41', '#328048', '#d02b20', '#7b79ff', '#ac73e6', '#1ea4c7', '#b8860b'];
export const OTHERS_COLOUR = '#a5a5ba';
export const ANIMATION_MS = 300;

const legend = { position: 'bottom' as const, labels: { boxWidth: 12, boxHeight: 12 } };

/** The index of the bar or slice clicked, if any. */
type Pick = (index: number) => void;

const pickable = (onPick?: Pick) =>
  onPick
    ? {
        onClick: (_event: unknown, elements: { index: number }[]) => {
          if (elements[0]) onPick(elements[0].index);
        },
        onHover: (event: { native: Event | null }, elements: unknown[]) => {
          const target = event.native?.target as HTMLElement | undefined;
          if (target) target.style.cursor = elements.length ? 'pointer' : 'default';
        },
      }
    : {};

const Frame = ({ name, label, children }: { name: string; label: string; children: React.ReactNode }) => (
  <Box position="relative" height="280px" data-chart={name} aria-label={label} role="figure">
    {children}
  </Box>
);

export interface Series {
  label: string;
  values: number[];
}

/**
 * Lines over periods (sales against the year before; billed against collected). A segment leading
 * into or out of a `partial` period is dashed: its figure covers only some of its days.
 */
export const LineChart = ({
  name,
  label,
  periods,
  series,
  partial,
}: {
  name: string;
  label: string;
  periods: string[];
  series: Series[];
  partial?: boolean[];
}) => {
  const dashedSegment = (context: { p0DataIndex: number; p1DataIndex: number }) =>
    partial?.[context.p0DataIndex] || partial?.[context.p1DataIndex] ? [3, 3] : undefined;
  const data: ChartData<'line'> = {
    labels: periods,
    datasets: series.map((one, index) => ({
      label: one.label,
      data: one.values,
      borderColor: PALETTE[index],
      backgroundColor: PALETTE[index],
      borderWidth: 2,
      pointRadius: 3,
      borderDash: index > 0 && name === 'trend' ? [6, 4] : undefined,
      segment: index === 0 && partial ? { borderDash: dashedSegment } : undefined,
      tension: 0.2,
    })),
  };
  const options: ChartOptions<'line'> = {
    maintainAspectRatio: false,
    animation: { duration: ANIMATION_MS },
    interaction: { mode: 'index', intersect: false },
    plugins: { legend },
    scales: { y: { beginAtZero: true } },
  };
  return (
    <Frame name={name} label={label}>
      <Line data={data} options={options} aria-label={label} />
    </Frame>
  );
};

/**
 * Bars, one series (a ranking) or several (stacked aging buckets). `colours` colours the single
 * series' bars one by one (the "others" bar grey); `onPick` makes a bar a filter.
 */
export const BarChart = ({
  name,
  label,
  categories,
  series,
  colours,
  stacked = false,
  horizontal = false,
  percent = false,
  onPick,
}: {
  name: string;
  label: string;
  categories: string[];
  series: Series[];
  colours?: string[];
  stacked?: boolean;
  horizontal?: boolean;
  percent?: boolean;
  onPick?: Pick;
}) => {
  const data: ChartData<'bar'> = {
    labels: categories,
    datasets: series.map((one, index) => ({
      label: one.label,
      data: one.values,
      backgroundColor: series.length === 1 && colours ? colours : PALETTE[index],
      borderRadius: 2,
      maxBarThickness: 48,
    })),
  };
  const valueAxis = {
    beginAtZero: true,
    stacked,
    ...(percent ? { ticks: { callback: (value: string | number) => `${Math.round(Number(value) * 100)}%` } } : {}),
  };
  const options: ChartOptions<'bar'> = {
    maintainAspectRatio: false,
    animation: { duration: ANIMATION_MS },
    indexAxis: horizontal ? 'y' : 'x',
    plugins: { legend: { ...legend, display: series.length > 1 } },
    scales: horizontal ? { x: valueAxis, y: { stacked } } : { x: { stacked }, y: valueAxis },
    ...pickable(onPick),
  };
  return (
    <Frame name={name} label={label}>
      <Bar data={data} options={options} aria-label={label} />
    </Frame>
  );
};

/** Shares of a whole; `onPick` makes a slice a filter. */
export const DoughnutChart = ({
  name,
  label,
  categories,
  values,
  colours,
  onPick,
}: {
  name: string;
  label: string;
  categories: string[];
  values: number[];
  colours: string[];
  onPick?: Pick;
}) => {
  const data: ChartData<'doughnut'> = { labels: categories, datasets: [{ label, data: values, backgroundColor: colours }] };
  const options: ChartOptions<'doughnut'> = {
    maintainAspectRatio: false,
    animation: { duration: ANIMATION_MS },
    plugins: { legend: { ...legend, position: 'right' } },
    ...pickable(onPick),
  };
  return (
    <Frame name={name} label={label}>
      <Doughnut data={data} options={options} aria-label={label} />
    </Frame>
  );
};
