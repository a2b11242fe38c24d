/**
 * The sensitivity curve as a small SVG line chart: one line per municipality and the total,
 * vertical marks (the scenario's own setting, the baseline's, the national average), and a dot
 * where the total stands at the scenario's setting. Colours are Fluent tokens, so the dark theme
 * follows; every line also has its own dash, so colour is not the only difference. A screen
 * reader gets the title, a description and a table of every point.
 */
import { useId } from "react";
import { tokens } from "@fluentui/react-components";
import { usePaneStyles } from "../shared/styles";
import { chartGeometry } from "./chartGeometry";

export interface ChartLineView {
  label: string;
  amounts: readonly (number | null)[];
  total?: boolean;
}

export type MarkerKind = "setting" | "baseline" | "reference";

export interface MarkerView {
  kind: MarkerKind;
  value: number;
  label: string;
}

export interface SensitivityChartProps {
  title: string;
  description: string;
  axisLabel: string;
  tableCaption: string;
  points: readonly number[];
  lines: readonly ChartLineView[];
  markers: readonly MarkerView[];
  /** The total at the scenario's own setting (the comparison's figure), drawn as a dot. */
  dot: { value: number; amount: number } | null;
  formatValue(v: number): string;
  formatAmount(v: number | null): string;
  formatCompact(v: number): string;
  outsideLabel: string;
  markersLabel: string;
}

const LINE_COLOURS = [
  tokens.colorPaletteBlueForeground2,
  tokens.colorPaletteDarkOrangeForeground2,
  tokens.colorPaletteGreenForeground2,
  tokens.colorPalettePurpleForeground2,
  tokens.colorPaletteTealForeground2,
  tokens.colorPaletteMagentaForeground2,
  tokens.colorPaletteBrownForeground2,
  tokens.colorPaletteCranberryForeground2,
];
const LINE_DASHES = ["", "6 3", "2 2", "8 3 2 3", "4 4", "1 3"];

export function lineStyle(index: number, total: boolean): { stroke: string; dash: string; width: number } {
  if (total) return { stroke: tokens.colorNeutralForeground1, dash: "", width: 2.5 };
  return { stroke: LINE_COLOURS[index % LINE_COLOURS.length]!, dash: LINE_DASHES[index % LINE_DASHES.length]!, width: 1.5 };
}

const MARKER_STYLE: Record<MarkerKind, { stroke: string; dash: string }> = {
  setting: { stroke: tokens.colorBrandForeground1, dash: "" },
  baseline: { stroke: tokens.colorNeutralForeground2, dash: "5 3" },
  reference: { stroke: tokens.colorPaletteRedForeground2, dash: "1 2" },
};

export function SensitivityChart(props: SensitivityChartProps) {
  const s = usePaneStyles();
  const id = useId();
  const { points, lines, markers, dot } = props;
  const g = chartGeometry(
    points,
    lines.map((l) => l.amounts),
  );
  const { box } = g;
  const bottom = box.height - box.bottom;
  const right = box.width - box.right;
  const label = { fill: tokens.colorNeutralForeground2, fontSize: 10 } as const;
  let municipalityIndex = 0;
  const styles = lines.map((l) => lineStyle(l.total ? 0 : municipalityIndex++, l.total === true));
  return (
    <div className={s.section} data-testid="sensitivity-chart">
      <svg
        viewBox={`0 0 ${box.width} ${box.height}`}
        width="100%"
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
        style={{ display: "block", maxWidth: `${box.width}px`, height: "auto", overflow: "visible" }}
        data-testid="sensitivity-svg"
      >
        <title id={`${id}-title`}>{props.title}</title>
        <desc id={`${id}-desc`}>{props.description}</desc>
        {g.yTicks.map((t) => (
          <g key={`y${t.value}`}>
            <line x1={box.left} x2={right} y1={t.at} y2={t.at} style={{ stroke: tokens.colorNeutralStroke2, strokeWidth: 1 }} />
            <text x={box.left - 4} y={t.at + 3} textAnchor="end" style={label}>
              {props.formatCompact(t.value)}
            </text>
          </g>
        ))}
        {g.xTicks.map((t) => (
          <text key={`x${t.value}`} x={t.at} y={bottom + 12} textAnchor="middle" style={label} data-testid="chart-x-tick">
            {props.formatValue(t.value)}
          </text>
        ))}
        <line x1={box.left} x2={right} y1={bottom} y2={bottom} style={{ stroke: tokens.colorNeutralStroke1, strokeWidth: 1 }} />
        <text x={(box.left + right) / 2} y={box.height - 2} textAnchor="middle" style={label}>
          {props.axisLabel}
        </text>
        {markers.filter((m) => g.inRange(m.value)).map((m, i) => (
          <line
            key={`m${i}`}
            x1={g.x(m.value)}
            x2={g.x(m.value)}
            y1={box.top}
            y2={bottom}
            style={{ stroke: MARKER_STYLE[m.kind].stroke, strokeWidth: 1.5, strokeDasharray: MARKER_STYLE[m.kind].dash }}
            data-testid={`chart-marker-${m.kind}`}
          />
        ))}
        {g.paths.map((d, i) => (
          <path
            key={lines[i]!.label}
            d={d}
            fill="none"
            style={{ stroke: styles[i]!.stroke, strokeWidth: styles[i]!.width, strokeDasharray: styles[i]!.dash, strokeLinejoin: "round" }}
            data-testid={lines[i]!.total ? "chart-line-total" : "chart-line"}
            data-label={lines[i]!.label}
          />
        ))}
        {dot && g.inRange(dot.value) ? (
          <circle cx={g.x(dot.value)} cy={g.y(dot.amount)} r={3.5} style={{ fill: tokens.colorBrandForeground1, stroke: tokens.colorNeutralBackground1, strokeWidth: 1 }} data-testid="chart-dot" />
        ) : null}
      </svg>
      {markers.length > 0 ? (
        <ul className={s.list} aria-label={props.markersLabel}>
          {markers.map((m, i) => (
            <li key={i} className={s.muted} data-testid={`chart-marker-label-${m.kind}`}>
              <Swatch stroke={MARKER_STYLE[m.kind].stroke} dash={MARKER_STYLE[m.kind].dash} vertical />
              {m.label}
              {g.inRange(m.value) ? "" : ` (${props.outsideLabel})`}
            </li>
          ))}
        </ul>
      ) : null}
      <div className={s.srOnly}>
        <table>
          <caption>{props.tableCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{props.axisLabel}</th>
              {lines.map((l) => (
                <th key={l.label} scope="col">
                  {l.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {points.map((p, k) => (
              <tr key={k} data-testid="chart-point">
                <th scope="row">{props.formatValue(p)}</th>
                {lines.map((l) => (
                  <td key={l.label}>{props.formatAmount(l.amounts[k] ?? null)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** A short sample of a line (or a vertical mark) beside its name. */
export function Swatch({ stroke, dash, width = 1.5, vertical = false }: { stroke: string; dash: string; width?: number; vertical?: boolean }) {
  return (
    <svg width="20" height="10" viewBox="0 0 20 10" aria-hidden="true" focusable="false" style={{ marginRight: 4, verticalAlign: "middle" }}>
      {vertical ? (
        <line x1={10} x2={10} y1={0} y2={10} style={{ stroke, strokeWidth: width, strokeDasharray: dash }} />
      ) : (
        <line x1={0} x2={20} y1={5} y2={5} style={{ stroke, strokeWidth: width, strokeDasharray: dash }} />
      )}
    </svg>
  );
}
