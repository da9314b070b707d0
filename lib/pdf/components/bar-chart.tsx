// Bar charts drawn with react-pdf's SVG primitives; geometry from d3-scale. Grouped bars (one group
// per category, one bar per series), vertical or horizontal, with an axis, gridlines, a legend
// that carries each series' n, value labels, and "—" where a value is undefined (n = 0), so an
// empty bar is never mistaken for 0%.
import { G, Line, Rect, Svg, Text } from "@react-pdf/renderer";
import { scaleBand, scaleLinear } from "d3-scale";
import { FONT_FAMILY } from "../fonts";
import type { TextMeasurer } from "../layout/measure";
import { COLORS } from "../theme";

export type TBarSeries = {
  key: string;
  /** Legend label, e.g. "丹南 今年度（n=120）". */
  label: string;
  color: string;
  /** One value per category; shares are 0–1. null = undefined (drawn as "—"). */
  values: (number | null)[];
};

export type TBarChartProps = {
  width: number;
  height: number;
  categories: string[];
  series: TBarSeries[];
  unit: "share" | "number";
  orientation?: "vertical" | "horizontal";
  measurer: TextMeasurer;
  /** Index of a category to emphasise (the zone among all zones). */
  highlight?: number | null;
  valueLabels?: boolean;
};

// react-pdf's SVG <Text> reads fontFamily/fontSize/fontWeight at run time; its typings omit them.
type TSvgFont = { fontFamily: string; fontSize: number; fontWeight: number };
const font = (size: number, weight = 400) =>
  ({ fontFamily: FONT_FAMILY, fontSize: size, fontWeight: weight }) as TSvgFont as unknown as Record<string, never>;

/** Value labels: one decimal where the bar is wide enough for it, whole numbers otherwise. */
const formatValue = (value: number, unit: TBarChartProps["unit"], roomy = true) =>
  unit === "share"
    ? (value * 100).toFixed(roomy ? 1 : 0)
    : value >= 100 || !roomy
      ? value.toFixed(0)
      : value.toFixed(1);

function Legend({
  series,
  width,
  measurer,
}: Readonly<{ series: TBarSeries[]; width: number; measurer: TextMeasurer }>) {
  // Legend entries flow left to right and wrap; each is a swatch and its label.
  let x = 0;
  let y = 0;
  const items = series.map((s) => {
    const w = 12 + measurer.width(s.label, 7) + 12;
    if (x > 0 && x + w > width) {
      x = 0;
      y += 11;
    }
    const item = { s, x, y };
    x += w;
    return item;
  });
  return (
    <G>
      {items.map(({ s, x: ix, y: iy }) => (
        <G key={s.key}>
          <Rect x={ix} y={iy + 1} width={8} height={7} fill={s.color} />
          <Text x={ix + 11} y={iy + 7.5} {...font(7)} fill={COLORS.text}>
            {s.label}
          </Text>
        </G>
      ))}
    </G>
  );
}

export function legendHeight(series: TBarSeries[], width: number, measurer: TextMeasurer): number {
  let x = 0;
  let rows = 1;
  for (const s of series) {
    const w = 12 + measurer.width(s.label, 7) + 12;
    if (x > 0 && x + w > width) {
      x = 0;
      rows++;
    }
    x += w;
  }
  return rows * 11 + 6;
}

export function BarChart(props: Readonly<TBarChartProps>) {
  return props.orientation === "horizontal" ? <HorizontalBars {...props} /> : <VerticalBars {...props} />;
}

function domainMax(props: TBarChartProps): number {
  if (props.unit === "share") return 1;
  const max = Math.max(0, ...props.series.flatMap((s) => s.values.filter((v): v is number => v !== null)));
  return max > 0 ? max : 1;
}

function VerticalBars({
  width,
  height,
  categories,
  series,
  unit,
  measurer,
  highlight,
  valueLabels = true,
}: Readonly<TBarChartProps>) {
  const top = legendHeight(series, width, measurer) + 4;
  const band = ((width - 36) / Math.max(1, categories.length)) * 0.9;
  const labelLines = categories.map((c) => splitLabel(c, band, measurer));
  const bottom = 8 + Math.max(1, ...labelLines.map((l) => l.length)) * 8.5;
  const m = { top, right: 6, bottom, left: 30 };
  const iw = width - m.left - m.right;
  const ih = height - m.top - m.bottom;
  const x0 = scaleBand<number>()
    .domain(categories.map((_, i) => i))
    .range([0, iw])
    .paddingInner(0.22)
    .paddingOuter(0.08);
  const x1 = scaleBand<string>()
    .domain(series.map((s) => s.key))
    .range([0, x0.bandwidth()])
    .padding(0.06);
  const y = scaleLinear()
    .domain([0, domainMax({ width, height, categories, series, unit, measurer })])
    .nice()
    .range([ih, 0]);
  const ticks = y.ticks(5);
  // Value labels only where they fit over their bar (they would run into each other otherwise).
  const labelSize = x1.bandwidth() >= 13 ? 5.5 : 5;
  const roomy = x1.bandwidth() >= 16;
  const showValues = valueLabels && x1.bandwidth() >= 9;
  return (
    <Svg width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
      <G transform={`translate(${m.left}, 0)`}>
        <Legend series={series} width={iw} measurer={measurer} />
      </G>
      <G transform={`translate(${m.left}, ${m.top})`}>
        {highlight !== null && highlight !== undefined && x0(highlight) !== undefined && (
          <Rect x={x0(highlight)! - 3} y={-4} width={x0.bandwidth() + 6} height={ih + 4} fill={COLORS.accentLight} />
        )}
        {ticks.map((t) => (
          <G key={`t${t}`}>
            <Line x1={0} x2={iw} y1={y(t)} y2={y(t)} stroke={COLORS.ruleLight} strokeWidth={0.5} />
            <Text x={-4} y={y(t) + 2.5} textAnchor="end" {...font(6.5)} fill={COLORS.muted}>
              {unit === "share" ? `${Math.round(t * 100)}%` : t.toLocaleString("ja-JP")}
            </Text>
          </G>
        ))}
        {categories.map((_, ci) => (
          <G key={`c${ci}`} transform={`translate(${x0(ci)}, 0)`}>
            {series.map((s) => {
              const v = s.values[ci] ?? null;
              const bx = x1(s.key)!;
              const bw = x1.bandwidth();
              if (v === null) {
                return (
                  <Text
                    key={s.key}
                    x={bx + bw / 2}
                    y={ih - 3}
                    textAnchor="middle"
                    {...font(labelSize)}
                    fill={COLORS.faint}
                  >
                    —
                  </Text>
                );
              }
              return (
                <G key={s.key}>
                  <Rect x={bx} y={y(v)} width={bw} height={Math.max(0, ih - y(v))} fill={s.color} />
                  {showValues && (
                    <Text x={bx + bw / 2} y={y(v) - 2} textAnchor="middle" {...font(labelSize)} fill={COLORS.text}>
                      {formatValue(v, unit, roomy)}
                    </Text>
                  )}
                </G>
              );
            })}
            {labelLines[ci]!.map((line, k) => (
              <Text
                key={`l${k}`}
                x={x0.bandwidth() / 2}
                y={ih + 10 + k * 8.5}
                textAnchor="middle"
                {...font(7, highlight === ci ? 700 : 400)}
                fill={COLORS.text}
              >
                {line}
              </Text>
            ))}
          </G>
        ))}
        <Line x1={0} x2={iw} y1={ih} y2={ih} stroke={COLORS.muted} strokeWidth={0.8} />
      </G>
    </Svg>
  );
}

function HorizontalBars({
  width,
  height,
  categories,
  series,
  unit,
  measurer,
  highlight,
  valueLabels = true,
}: Readonly<TBarChartProps>) {
  const top = legendHeight(series, width, measurer) + 4;
  const labelWidth = Math.min(width * 0.32, Math.max(...categories.map((c) => measurer.width(c, 7))) + 8);
  const m = { top, right: 30, bottom: 16, left: labelWidth };
  const iw = width - m.left - m.right;
  const ih = height - m.top - m.bottom;
  const y0 = scaleBand<number>()
    .domain(categories.map((_, i) => i))
    .range([0, ih])
    .paddingInner(0.2)
    .paddingOuter(0.05);
  const y1 = scaleBand<string>()
    .domain(series.map((s) => s.key))
    .range([0, y0.bandwidth()])
    .padding(0.05);
  const x = scaleLinear()
    .domain([0, domainMax({ width, height, categories, series, unit, measurer })])
    .nice()
    .range([0, iw]);
  const ticks = x.ticks(5);
  const labelSize = Math.min(6, Math.max(4.5, y1.bandwidth() * 0.9));
  return (
    <Svg width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
      <G transform={`translate(${m.left}, 0)`}>
        <Legend series={series} width={iw} measurer={measurer} />
      </G>
      <G transform={`translate(${m.left}, ${m.top})`}>
        {ticks.map((t) => (
          <G key={`t${t}`}>
            <Line x1={x(t)} x2={x(t)} y1={0} y2={ih} stroke={COLORS.ruleLight} strokeWidth={0.5} />
            <Text x={x(t)} y={ih + 9} textAnchor="middle" {...font(6.5)} fill={COLORS.muted}>
              {unit === "share" ? `${Math.round(t * 100)}%` : t.toLocaleString("ja-JP")}
            </Text>
          </G>
        ))}
        {categories.map((label, ci) => (
          <G key={`c${ci}`} transform={`translate(0, ${y0(ci)})`}>
            <Text
              x={-5}
              y={y0.bandwidth() / 2 + 2.5}
              textAnchor="end"
              {...font(7, highlight === ci ? 700 : 400)}
              fill={COLORS.text}
            >
              {measurer.truncate(label, labelWidth - 8, 7)}
            </Text>
            {series.map((s) => {
              const v = s.values[ci] ?? null;
              const by = y1(s.key)!;
              const bh = y1.bandwidth();
              if (v === null) {
                return (
                  <Text key={s.key} x={3} y={by + bh / 2 + 2} {...font(labelSize)} fill={COLORS.faint}>
                    —
                  </Text>
                );
              }
              return (
                <G key={s.key}>
                  <Rect x={0} y={by} width={Math.max(0, x(v))} height={bh} fill={s.color} />
                  {valueLabels && (
                    <Text x={x(v) + 2} y={by + bh / 2 + labelSize * 0.35} {...font(labelSize)} fill={COLORS.text}>
                      {formatValue(v, unit)}
                    </Text>
                  )}
                </G>
              );
            })}
          </G>
        ))}
        <Line x1={0} x2={0} y1={0} y2={ih} stroke={COLORS.muted} strokeWidth={0.8} />
      </G>
    </Svg>
  );
}

/**
 * Category labels under vertical bars: the name on at most two lines (split where Japanese allows),
 * then any further "\n" part (e.g. "n=463") on a line of its own.
 */
function splitLabel(label: string, width: number, measurer: TextMeasurer): string[] {
  const [name = "", ...rest] = label.split("\n");
  const lines = measurer.wrap(name, width, 7);
  const head = lines.length <= 2 ? lines : [lines[0]!, measurer.truncate(lines.slice(1).join(""), width, 7)];
  return [...head, ...rest.map((part) => measurer.truncate(part, width, 7))];
}
