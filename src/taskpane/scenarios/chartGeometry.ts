/**
 * Where the sensitivity chart draws things: the points' values and amounts come from the core
 * (sensitivityCurve); this only maps them onto the chart's box, picks round tick values and
 * writes the SVG paths. No figure is computed here.
 */

/** The chart's drawing box in SVG units (the SVG scales to the pane's width, text with it). */
export interface ChartBox {
  width: number;
  height: number;
  /** Room for the y axis's labels, the x axis's labels and a little air. */
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** 288 wide: a 320 px pane less its padding, so text is drawn at about its own size. */
export const CHART_BOX: ChartBox = { width: 288, height: 176, left: 46, right: 10, top: 10, bottom: 30 };

export interface Tick {
  value: number;
  /** The tick's position along its axis, in SVG units. */
  at: number;
}

export interface ChartGeometry {
  box: ChartBox;
  /** The value (benchmark or grace days) at the left and right edges. */
  xMin: number;
  xMax: number;
  /** The amount at the top edge (the bottom is 0 kr): a round number at or above the largest amount. */
  yMax: number;
  x(value: number): number;
  y(amount: number): number;
  /** Whether a value lies within the plotted range (a marker outside it is said in words, not drawn). */
  inRange(value: number): boolean;
  xTicks: Tick[];
  yTicks: Tick[];
  /** One SVG path per line; a null amount (unknown) breaks the line there. */
  paths: string[];
}

/** At most about this many ticks on an axis (four gaps fit 236 units of labels). */
const TICKS = 4;

/** The step 1, 2 or 5 × 10^k that cuts `span` into at most `count` parts. */
export function niceStep(span: number, count = TICKS): number {
  if (!(span > 0)) return 1;
  const raw = span / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / magnitude;
  const factor = norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10;
  return clean(factor * magnitude);
}

/** Binary noise off a decimal (0.30000000000000004 → 0.3). */
function clean(v: number): number {
  return Number(v.toPrecision(12));
}

/** SVG coordinates to a tenth of a unit: shorter paths, and the same text for the same point. */
function r(v: number): number {
  return Math.round(v * 10) / 10;
}

export function chartGeometry(points: readonly number[], lines: readonly (readonly (number | null)[])[], box: ChartBox = CHART_BOX): ChartGeometry {
  const plotW = box.width - box.left - box.right;
  const plotH = box.height - box.top - box.bottom;
  const first = points[0] ?? 0;
  const last = points[points.length - 1] ?? first;
  // A single point is drawn in the middle of a range one unit wide.
  const [xMin, xMax] = last > first ? [first, last] : [clean(first - 0.5), clean(first + 0.5)];
  let largest = 0;
  for (const line of lines) for (const a of line) if (a !== null && a > largest) largest = a;
  const yStep = niceStep(largest);
  const yMax = largest > 0 ? clean(Math.ceil(largest / yStep - 1e-9) * yStep) : 1;

  const x = (v: number) => box.left + ((v - xMin) / (xMax - xMin)) * plotW;
  const y = (a: number) => box.top + (1 - a / yMax) * plotH;
  const inRange = (v: number) => v >= xMin - 1e-9 && v <= xMax + 1e-9;

  const yTicks: Tick[] = [];
  const yCount = largest > 0 ? Math.round(yMax / yStep) : 0;
  for (let k = 0; k <= yCount; k++) {
    const value = clean(k * yStep);
    yTicks.push({ value, at: r(y(value)) });
  }
  const xStep = niceStep(xMax - xMin);
  const xTicks: Tick[] = [];
  for (let k = Math.ceil(xMin / xStep - 1e-9); clean(k * xStep) <= xMax + 1e-9; k++) {
    const value = clean(k * xStep);
    xTicks.push({ value, at: r(x(value)) });
  }

  const paths = lines.map((line) => {
    let d = "";
    let pen = false;
    for (let p = 0; p < points.length; p++) {
      const a = line[p];
      if (a === null || a === undefined) {
        pen = false;
        continue;
      }
      d += `${pen ? "L" : "M"}${r(x(points[p]!))},${r(y(a))}`;
      pen = true;
    }
    return d;
  });

  return { box, xMin, xMax, yMax, x, y, inRange, xTicks, yTicks, paths };
}
