/**
 * A SheetSpec rendered to the parts of an .xlsx package: the worksheet, one table part per
 * table (autofilter, totals row), and for charts one drawing with a chart part each, with their
 * relationships and content types. Used by the marked copy (added sheets) and by the new
 * workbook (specWorkbook.ts); both place every cell through the core's layoutSheet, as the
 * add-in does, so the three hosts agree cell for cell.
 *
 * Text is written inline (t="inlineStr") and is text whatever it starts with: "=1+1" never
 * becomes a formula. The only formulas are the totals row's SUBTOTAL(109, …), each with its
 * value cached so that a reader that does not calculate still sees the sum.
 *
 * Element order follows ECMA-376 Part 1 (CT_Worksheet, CT_Table, CT_Drawing, CT_ChartSpace …);
 * the charts are the smallest DrawingML that holds a title, series with cached values, two axes
 * and a legend. Not opened in real Excel here (none was available): see docs/ADDED_SHEETS.md.
 */
import { columnLetter, layoutSheet, specProblems, type SheetSpec, type SpecCell, type SpecChart, type SpecFormat, type SpecTable, type TablePlacement } from "../../../core";
import { NS_RELATIONSHIPS } from "./packageParts";
import { escapeCellText, escapeXml } from "./xml";

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
const NS_SPREADSHEET_DRAWING = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const NS_DRAWING = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_CHART = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const XML_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;

export const REL_TABLE = `${NS_RELATIONSHIPS}/table`;
export const REL_DRAWING = `${NS_RELATIONSHIPS}/drawing`;
export const REL_CHART = `${NS_RELATIONSHIPS}/chart`;
export const CT_TABLE = "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml";
export const CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";
export const CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";

/** Cell formats (xf indices in the package's styles part) the sheet's cells take. */
export interface SpecStyles {
  title: number;
  /** Captions and headers. */
  bold: number;
  /** Data cells, per column format. */
  format: Record<SpecFormat, number>;
  /** The totals row, per column format (bold). */
  totals: Record<SpecFormat, number>;
}

/** What the package already holds, so that new parts, table ids and table names do not collide. */
export interface PackageAllocator {
  /** A part name not yet in the package, e.g. ("xl/tables/table", ".xml") → "xl/tables/table3.xml". */
  partName(prefix: string, suffix: string): string;
  /** A table id unused in the workbook. */
  tableId(): number;
  /** `wanted`, or it with a suffix, unused among the workbook's table and defined names. */
  tableName(wanted: string): string;
}

export interface NewPart {
  name: string;
  xml: string;
  contentType: string | null;
}

export interface RenderedSheet {
  /** The worksheet part's name and its content, in chunks (a long list is never one string). */
  sheetPart: string;
  sheetXml: () => Iterable<string>;
  /** The sheet's relationships, tables, drawing and charts. */
  parts: NewPart[];
  /** Table names as written (a clash with the workbook's own gets a suffix). */
  tableNames: Map<string, string>;
}

/** A package's next free part names, table ids and table names, given what it holds. */
export function packageAllocator(partNames: Iterable<string>, tableIds: Iterable<number>, names: Iterable<string>): PackageAllocator {
  const parts = new Set([...partNames].map((n) => n.toLowerCase()));
  let nextTableId = Math.max(0, ...tableIds) + 1;
  const taken = new Set([...names].map((n) => n.toLowerCase()));
  return {
    partName(prefix, suffix) {
      let n = 1;
      while (parts.has(`${prefix}${n}${suffix}`.toLowerCase())) n++;
      const name = `${prefix}${n}${suffix}`;
      parts.add(name.toLowerCase());
      return name;
    },
    tableId: () => nextTableId++,
    tableName(wanted) {
      let name = wanted;
      for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${wanted}_${i}`;
      taken.add(name.toLowerCase());
      return name;
    },
  };
}

/** A sheet name inside a formula or a chart reference: always quoted, quotes doubled. */
export function quotedSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** A column in a structured reference: Excel escapes [ ] # and ' with a leading '. */
export function structuredColumn(title: string): string {
  return title.replace(/['#[\]]/g, "'$&");
}

/** Excel needs a name for every table column; an empty title gets Excel's own "ColumnN". */
export function columnNames(table: SpecTable): string[] {
  return table.columns.map((c, i) => (c.title.trim() === "" ? `Column${i + 1}` : c.title));
}

/** The totals row's cached sum of a column: the numbers in it (text and empty cells count 0, as in SUM). */
export function columnSum(table: SpecTable, column: number): number {
  let sum = 0;
  for (const r of table.rows) {
    const v = r[column];
    if (typeof v === "number" && Number.isFinite(v)) sum += v;
  }
  return sum;
}

function cellXml(ref: string, value: SpecCell, style: number): string {
  if (value === null || value === undefined) return "";
  // A number Excel cannot hold (Infinity, NaN) is shown as the text it is.
  if (typeof value === "number" && Number.isFinite(value)) return `<c r="${ref}" s="${style}"><v>${value}</v></c>`;
  return `<c r="${ref}" s="${style}" t="inlineStr"><is><t xml:space="preserve">${escapeCellText(String(value))}</t></is></c>`;
}

function rowXml(r: number, cells: string): string {
  return cells ? `<row r="${r}">${cells}</row>` : "";
}

/** Column widths from the tables' headers and first rows (the title and notes may overflow to the right). */
function columnWidths(spec: SheetSpec): number[] {
  const widths: number[] = [];
  for (const t of spec.tables) {
    columnNames(t).forEach((title, c) => {
      let w = title.length + 2;
      for (const r of t.rows.slice(0, 1000)) {
        const v = r[c];
        if (v !== null && v !== undefined) w = Math.max(w, String(v).length + 2);
      }
      widths[c] = Math.max(widths[c] ?? 8, Math.min(60, w));
    });
  }
  return widths;
}

/** Which tables get an Excel table: one needs a body row, so an empty one is written as plain cells. */
function hasTablePart(p: TablePlacement): boolean {
  return p.table.rows.length > 0;
}

/** The totals label goes in the first column, unless that column is summed. */
function labelColumn(table: SpecTable): boolean {
  return table.totalsLabel !== undefined && table.columns[0]?.total !== "sum";
}

function* worksheetXml(spec: SheetSpec, styles: SpecStyles, tableNames: Map<string, string>, relIds: { tables: string[]; drawing: string | null }): Generator<string> {
  const layout = layoutSheet(spec);
  const widths = columnWidths(spec);
  const cols = widths.map((w, c) => `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`).join("");
  const lastColumn = columnLetter(Math.max(1, layout.width) - 1);
  yield `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_RELATIONSHIPS}"><dimension ref="A1:${lastColumn}${Math.max(1, layout.lastRow)}"/>` +
    (cols ? `<cols>${cols}</cols>` : "") +
    "<sheetData>";
  let buf = rowXml(1, cellXml("A1", spec.title, styles.title));
  spec.notes.forEach((note, i) => (buf += rowXml(layout.noteRows[i], cellXml(`A${layout.noteRows[i]}`, note, styles.format.text))));
  for (const p of layout.tables) {
    const t = p.table;
    const names = columnNames(t);
    buf += rowXml(p.captionRow, cellXml(`A${p.captionRow}`, t.caption, styles.bold));
    buf += rowXml(p.headerRow, names.map((n, c) => cellXml(`${columnLetter(c)}${p.headerRow}`, n, styles.bold)).join(""));
    const formats = t.columns.map((c) => styles.format[c.format]);
    for (let i = 0; i < t.rows.length; i++) {
      const r = p.firstDataRow + i;
      buf += rowXml(r, t.rows[i].map((v, c) => cellXml(`${columnLetter(c)}${r}`, v, formats[c])).join(""));
      if (buf.length > 1 << 16) {
        yield buf;
        buf = "";
      }
    }
    if (p.totalsRow !== null) {
      const r = p.totalsRow;
      const name = tableNames.get(t.name) ?? t.name;
      const cells = t.columns.map((col, c) => {
        const ref = `${columnLetter(c)}${r}`;
        const style = styles.totals[col.format];
        if (col.total === "sum") {
          const sum = columnSum(t, c);
          // An empty table has no Excel table to refer to: its total is the plain 0 it is.
          if (!hasTablePart(p)) return cellXml(ref, sum, style);
          return `<c r="${ref}" s="${style}"><f>${escapeXml(`SUBTOTAL(109,${name}[[${structuredColumn(names[c])}]])`)}</f><v>${sum}</v></c>`;
        }
        return c === 0 && labelColumn(t) ? cellXml(ref, t.totalsLabel!, styles.totals.text) : "";
      });
      buf += rowXml(r, cells.join(""));
    }
  }
  yield buf + "</sheetData>";
  // After the rows: drawing, then tableParts (CT_Worksheet's order).
  let tail = "";
  if (relIds.drawing) tail += `<drawing r:id="${relIds.drawing}"/>`;
  if (relIds.tables.length) tail += `<tableParts count="${relIds.tables.length}">${relIds.tables.map((id) => `<tablePart r:id="${id}"/>`).join("")}</tableParts>`;
  yield `${tail}</worksheet>`;
}

/**
 * Text in an attribute that must equal a cell's text (a table column's name, its header cell):
 * an XML parser turns a raw line break or tab in an attribute into a space, so they are written
 * as Excel's _xHHHH_ escapes, and a literal "_xHHHH_" has its underscore escaped, as in cells.
 */
function attributeText(text: string): string {
  return escapeCellText(text).replace(/[\t\n\r]/g, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
}

function tableXml(p: TablePlacement, id: number, name: string): string {
  const t = p.table;
  const names = columnNames(t);
  const totals = p.totalsRow !== null;
  const columns = t.columns
    .map((col, c) => {
      let extra = "";
      if (totals && col.total === "sum") extra = ' totalsRowFunction="sum"';
      else if (totals && c === 0 && labelColumn(t)) extra = ` totalsRowLabel="${attributeText(t.totalsLabel!)}"`;
      return `<tableColumn id="${c + 1}" name="${attributeText(names[c])}"${extra}/>`;
    })
    .join("");
  const count = totals ? ' totalsRowCount="1"' : ' totalsRowShown="0"';
  return (
    `${XML_HEAD}<table xmlns="${NS_MAIN}" id="${id}" name="${escapeXml(name)}" displayName="${escapeXml(name)}" ref="${p.address}" headerRowCount="1"${count}>` +
    `<autoFilter ref="${p.headerAndDataAddress}"/>` +
    `<tableColumns count="${t.columns.length}">${columns}</tableColumns>` +
    `<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>` +
    `</table>`
  );
}

function relsXml(rels: { id: string; type: string; target: string }[]): string {
  return `${XML_HEAD}<Relationships xmlns="${NS_PACKAGE_RELS}">${rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${escapeXml(r.target)}"/>`).join("")}</Relationships>`;
}

/** "H5" → 0-based column 7, row 4. */
function cellPosition(ref: string): { col: number; row: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(ref);
  if (!m) throw new Error(`not a cell reference: ${ref}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { col: col - 1, row: Number(m[2]) - 1 };
}

function anchorXml(topLeft: string, bottomRight: string, index: number, relId: string, title: string): string {
  const from = cellPosition(topLeft);
  const to = cellPosition(bottomRight);
  const marker = (tag: string, col: number, row: number) =>
    `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  // The chart covers its bottom-right cell: its "to" corner is that cell's far edge.
  return (
    `<xdr:twoCellAnchor>${marker("from", from.col, from.row)}${marker("to", to.col + 1, to.row + 1)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${index + 2}" name="${escapeXml(title || `Chart ${index + 1}`)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${NS_CHART}"><c:chart xmlns:c="${NS_CHART}" xmlns:r="${NS_RELATIONSHIPS}" r:id="${relId}"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

function drawingXml(anchors: string[]): string {
  return `${XML_HEAD}<xdr:wsDr xmlns:xdr="${NS_SPREADSHEET_DRAWING}" xmlns:a="${NS_DRAWING}">${anchors.join("")}</xdr:wsDr>`;
}

/** The chart reads the table's cells: "'Sheet'!$B$6:$B$10". */
export interface ChartRanges {
  category: string;
  series: { name: string; values: string }[];
}

export function chartRanges(sheetName: string, p: TablePlacement, chart: SpecChart): ChartRanges {
  const sheet = quotedSheet(sheetName);
  const column = (c: number) => `${sheet}!$${columnLetter(c)}$${p.firstDataRow}:$${columnLetter(c)}$${p.lastDataRow}`;
  return {
    category: column(chart.category),
    series: chart.series.map((s) => ({ name: `${sheet}!$${columnLetter(s)}$${p.headerRow}`, values: column(s) })),
  };
}

function numCache(values: SpecCell[], formatCode: string): string {
  const pts = values.map((v, i) => (typeof v === "number" && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : "")).join("");
  return `<c:numCache><c:formatCode>${escapeXml(formatCode)}</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache>`;
}

function strCache(values: SpecCell[]): string {
  const pts = values.map((v, i) => (v === null ? "" : `<c:pt idx="${i}"><c:v>${escapeXml(String(v))}</c:v></c:pt>`)).join("");
  return `<c:strCache><c:ptCount val="${values.length}"/>${pts}</c:strCache>`;
}

const AXIS_CATEGORY = 500010;
const AXIS_VALUE = 500020;

export function chartXml(chart: SpecChart, p: TablePlacement, sheetName: string, numberFormats: Record<SpecFormat, string>): string {
  const t = p.table;
  const names = columnNames(t);
  const ranges = chartRanges(sheetName, p, chart);
  const categories = t.rows.map((r) => r[chart.category]);
  const categoryIsText = t.columns[chart.category].format === "text" || categories.some((v) => typeof v === "string");
  const cat = categoryIsText
    ? `<c:cat><c:strRef><c:f>${escapeXml(ranges.category)}</c:f>${strCache(categories)}</c:strRef></c:cat>`
    : `<c:cat><c:numRef><c:f>${escapeXml(ranges.category)}</c:f>${numCache(categories, numberFormats[t.columns[chart.category].format])}</c:numRef></c:cat>`;
  const series = chart.series
    .map((s, k) => {
      const tx = `<c:tx><c:strRef><c:f>${escapeXml(ranges.series[k].name)}</c:f>${strCache([names[s]])}</c:strRef></c:tx>`;
      const val = `<c:val><c:numRef><c:f>${escapeXml(ranges.series[k].values)}</c:f>${numCache(t.rows.map((r) => r[s]), numberFormats[t.columns[s].format])}</c:numRef></c:val>`;
      // CT_LineSer: idx, order, tx, spPr, marker, …, cat, val, smooth; CT_BarSer: idx, order, tx, spPr, invertIfNegative, …, cat, val.
      return chart.kind === "line"
        ? `<c:ser><c:idx val="${k}"/><c:order val="${k}"/>${tx}<c:marker><c:symbol val="none"/></c:marker>${cat}${val}<c:smooth val="0"/></c:ser>`
        : `<c:ser><c:idx val="${k}"/><c:order val="${k}"/>${tx}<c:invertIfNegative val="0"/>${cat}${val}</c:ser>`;
    })
    .join("");
  const axes = `<c:axId val="${AXIS_CATEGORY}"/><c:axId val="${AXIS_VALUE}"/>`;
  const plot =
    chart.kind === "line"
      ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/>${axes}</c:lineChart>`
      : `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="150"/>${axes}</c:barChart>`;
  const valueFormat = chart.series.length ? numberFormats[t.columns[chart.series[0]].format] : "General";
  const catAx =
    `<c:catAx><c:axId val="${AXIS_CATEGORY}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>` +
    `<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${AXIS_VALUE}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const valAx =
    `<c:valAx><c:axId val="${AXIS_VALUE}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/>` +
    `<c:numFmt formatCode="${escapeXml(valueFormat)}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${AXIS_CATEGORY}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`;
  const title = `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:r><a:t>${escapeXml(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
  return (
    `${XML_HEAD}<c:chartSpace xmlns:c="${NS_CHART}" xmlns:a="${NS_DRAWING}" xmlns:r="${NS_RELATIONSHIPS}">` +
    `<c:roundedCorners val="0"/><c:chart>${title}<c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>${plot}${catAx}${valAx}</c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>` +
    `</c:chart></c:chartSpace>`
  );
}

/** A target relative to the folder of `from` (both part names): "../tables/table1.xml". */
export function relativePart(from: string, to: string): string {
  const a = from.split("/").slice(0, -1);
  const b = to.split("/");
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => ".."), ...b.slice(i)].join("/");
}

function relsPartOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/**
 * Renders `spec` as the sheet `sheetName` (the spec's own name, or one made unique in the
 * workbook). Throws on a spec the core's specProblems rejects: that is a bug in its builder.
 */
export function renderSpecSheet(spec: SheetSpec, sheetName: string, styles: SpecStyles, alloc: PackageAllocator, numberFormats: Record<SpecFormat, string>): RenderedSheet {
  const problems = specProblems(spec);
  if (problems.length) throw new Error(`the sheet "${spec.name}" cannot be rendered: ${problems.join("; ")}`);
  const layout = layoutSheet(spec);
  const sheetPart = alloc.partName("xl/worksheets/sheet", ".xml");
  const parts: NewPart[] = [];
  const sheetRels: { id: string; type: string; target: string }[] = [];
  const tableNames = new Map<string, string>();
  const tableRelIds: string[] = [];
  for (const p of layout.tables) {
    if (!hasTablePart(p)) continue;
    const name = alloc.tableName(p.table.name);
    tableNames.set(p.table.name, name);
    const part = alloc.partName("xl/tables/table", ".xml");
    const id = `rId${sheetRels.length + 1}`;
    sheetRels.push({ id, type: REL_TABLE, target: relativePart(sheetPart, part) });
    tableRelIds.push(id);
    parts.push({ name: part, xml: tableXml(p, alloc.tableId(), name), contentType: CT_TABLE });
  }
  let drawingRelId: string | null = null;
  const charts = layout.charts.filter((c) => layout.tables.some((p) => p.table.name === c.chart.table && hasTablePart(p)));
  if (charts.length) {
    const drawingPart = alloc.partName("xl/drawings/drawing", ".xml");
    drawingRelId = `rId${sheetRels.length + 1}`;
    sheetRels.push({ id: drawingRelId, type: REL_DRAWING, target: relativePart(sheetPart, drawingPart) });
    const drawingRels: { id: string; type: string; target: string }[] = [];
    const anchors = charts.map((c, i) => {
      const p = layout.tables.find((t) => t.table.name === c.chart.table)!;
      const chartPart = alloc.partName("xl/charts/chart", ".xml");
      const relId = `rId${i + 1}`;
      drawingRels.push({ id: relId, type: REL_CHART, target: relativePart(drawingPart, chartPart) });
      parts.push({ name: chartPart, xml: chartXml(c.chart, p, sheetName, numberFormats), contentType: CT_CHART });
      return anchorXml(c.topLeft, c.bottomRight, i, relId, c.chart.title);
    });
    parts.push({ name: drawingPart, xml: drawingXml(anchors), contentType: CT_DRAWING });
    parts.push({ name: relsPartOf(drawingPart), xml: relsXml(drawingRels), contentType: null });
  }
  if (sheetRels.length) parts.push({ name: relsPartOf(sheetPart), xml: relsXml(sheetRels), contentType: null });
  return {
    sheetPart,
    sheetXml: () => worksheetXml(spec, styles, tableNames, { tables: tableRelIds, drawing: drawingRelId }),
    parts,
    tableNames,
  };
}
