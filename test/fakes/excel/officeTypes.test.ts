/**
 * The fake against Office.js's own declarations (@types/office-js):
 *  - at compile time (`npm run typecheck`), every public member of a fake class exists on the
 *    Excel class it stands for, so a misspelt or invented member in the fake fails the build;
 *  - here, every member the fake models has its requirement set read from the declarations'
 *    "[Api set: ExcelApi x.y]", and the fake must reject it (requireSet) on a host below that
 *    set, so the adapter cannot pass a test at ExcelApi 1.6 with an API Excel 1.6 lacks.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { FAKE_CLASSES, type FakeInternals } from "./fakeOffice";

// --- compile time ------------------------------------------------------------------------------

type Fake<K extends keyof typeof FAKE_CLASSES> = InstanceType<(typeof FAKE_CLASSES)[K]>;
/** The fake's public members that the Office.js class lacks: must be none. */
type Unmodelled<F, Real> = Exclude<keyof F, keyof Real | FakeInternals>;
type None<T extends never> = T;

export type Checked = [
  None<Unmodelled<Fake<"RequestContext">, Excel.RequestContext>>,
  None<Unmodelled<Fake<"Workbook">, Excel.Workbook>>,
  None<Unmodelled<Fake<"WorksheetCollection">, Excel.WorksheetCollection>>,
  None<Unmodelled<Fake<"Worksheet">, Excel.Worksheet>>,
  None<Unmodelled<Fake<"WorksheetProtection">, Excel.WorksheetProtection>>,
  None<Unmodelled<Fake<"Range">, Excel.Range>>,
  None<Unmodelled<Fake<"RangeFormat">, Excel.RangeFormat>>,
  None<Unmodelled<Fake<"RangeFill">, Excel.RangeFill>>,
  None<Unmodelled<Fake<"RangeFont">, Excel.RangeFont>>,
  None<Unmodelled<Fake<"ConditionalFormatCollection">, Excel.ConditionalFormatCollection>>,
  None<Unmodelled<Fake<"ConditionalFormat">, Excel.ConditionalFormat>>,
  None<Unmodelled<Fake<"CustomConditionalFormat">, Excel.CustomConditionalFormat>>,
  None<Unmodelled<Fake<"ConditionalFormatRule">, Excel.ConditionalFormatRule>>,
  None<Unmodelled<Fake<"ConditionalRangeFormat">, Excel.ConditionalRangeFormat>>,
  None<Unmodelled<Fake<"ConditionalRangeFill">, Excel.ConditionalRangeFill>>,
  None<Unmodelled<Fake<"ConditionalRangeFont">, Excel.ConditionalRangeFont>>,
  None<Unmodelled<Fake<"TableCollection">, Excel.TableCollection>>,
  None<Unmodelled<Fake<"Table">, Excel.Table>>,
  None<Unmodelled<Fake<"ChartCollection">, Excel.ChartCollection>>,
  None<Unmodelled<Fake<"Chart">, Excel.Chart>>,
  None<Unmodelled<Fake<"ChartTitle">, Excel.ChartTitle>>,
  None<Unmodelled<Fake<"ChartSeriesCollection">, Excel.ChartSeriesCollection>>,
  None<Unmodelled<Fake<"ChartSeries">, Excel.ChartSeries>>,
  None<Unmodelled<Fake<"SettingCollection">, Excel.SettingCollection>>,
  None<Unmodelled<Fake<"Setting">, Excel.Setting>>,
  None<Unmodelled<Fake<"Functions">, Excel.Functions>>,
  None<Unmodelled<Fake<"FunctionResult">, Excel.FunctionResult<number>>>,
];

/** Scalar members must also agree in type (the adapter writes them through the fake). */
export type ScalarsAgree = [
  Pick<Excel.Range, "address" | "rowCount" | "columnCount" | "rowIndex" | "columnIndex">,
  Pick<Excel.Worksheet, "name" | "visibility">,
  Pick<Excel.Table, "name" | "style" | "showTotals">,
  Pick<Excel.Setting, "key">,
  Pick<Excel.ConditionalFormatRule, "formula">,
  Pick<Excel.RangeFill, "color">,
] extends [
  Pick<Fake<"Range">, "address" | "rowCount" | "columnCount" | "rowIndex" | "columnIndex">,
  Pick<Fake<"Worksheet">, "name" | "visibility">,
  Pick<Fake<"Table">, "name" | "style" | "showTotals">,
  Pick<Fake<"Setting">, "key">,
  Pick<Fake<"ConditionalFormatRule">, "formula">,
  Pick<Fake<"RangeFill">, "color">,
]
  ? true
  : never;
const scalarsAgree: ScalarsAgree = true;

// --- run time: requirement sets ------------------------------------------------------------------

type Version = [number, number];
const parseVersion = (v: string): Version => v.split(".").map(Number) as Version;
const compare = (a: Version, b: Version) => a[0] - b[0] || a[1] - b[1];
const show = (v: Version) => v.join(".");

interface Declared {
  /** The set a member needs to be read or called. */
  get: Version | null;
  /** The set its setter needs, when the declarations say it differs. */
  set: Version | null;
  /** The text of the remark, for messages. */
  remark: string;
}

/** "[Api set: ExcelApi 1.1 for reading visibility; 1.2 for setting it.]" → get 1.1, set 1.2. */
function parseRemark(remark: string): Declared {
  const first = /^ExcelApi (\d+\.\d+)/.exec(remark);
  const setting = /(\d+\.\d+) for (?:setting|set\b)/.exec(remark);
  return { get: first ? parseVersion(first[1]) : null, set: setting ? parseVersion(setting[1]) : null, remark };
}

const ROOT = path.resolve(__dirname, "../../..");
const DTS = path.join(ROOT, "node_modules/@types/office-js/index.d.ts");

/** Excel class → member → requirement (first overload that states one), from the declarations. */
function declaredExcelMembers(): Map<string, Map<string, Declared>> {
  const text = readFileSync(DTS, "utf8");
  const source = ts.createSourceFile(DTS, text, ts.ScriptTarget.ES2022, false);
  const classes = new Map<string, Map<string, Declared>>();
  const visitClass = (ns: string, node: ts.ClassDeclaration) => {
    const members = new Map<string, Declared>();
    for (const m of node.members) {
      if (!m.name || !ts.isIdentifier(m.name)) continue;
      const comment = text.slice(m.getFullStart(), m.getStart(source));
      const remark = /\[Api set: ([^\]]+)\]/.exec(comment)?.[1];
      if (!members.has(m.name.text) || (!members.get(m.name.text)!.get && remark)) {
        members.set(m.name.text, remark ? parseRemark(remark) : { get: null, set: null, remark: "" });
      }
    }
    classes.set(`${ns}.${node.name!.text}`, members);
  };
  for (const stmt of source.statements) {
    if (!ts.isModuleDeclaration(stmt) || !stmt.body || !ts.isModuleBlock(stmt.body)) continue;
    const ns = stmt.name.text;
    if (ns !== "Excel" && ns !== "OfficeExtension") continue;
    for (const inner of stmt.body.statements) if (ts.isClassDeclaration(inner) && inner.name) visitClass(ns, inner);
  }
  return classes;
}

interface FakeMember {
  name: string;
  kind: "get" | "set" | "method" | "property";
  /** The versions the member's own code passes to requireSet. */
  guards: Version[];
}

/** The fake's classes and their public members, with the requirement sets each one enforces. */
function fakeMembers(): Map<string, FakeMember[]> {
  const file = path.join(__dirname, "fakeOffice.ts");
  const text = readFileSync(file, "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const out = new Map<string, FakeMember[]>();
  const isHidden = (m: ts.ClassElement) =>
    ts.canHaveModifiers(m) &&
    (ts.getModifiers(m) ?? []).some((x) => x.kind === ts.SyntaxKind.PrivateKeyword || x.kind === ts.SyntaxKind.ProtectedKeyword || x.kind === ts.SyntaxKind.StaticKeyword);
  for (const stmt of source.statements) {
    if (!ts.isClassDeclaration(stmt) || !stmt.name) continue;
    const members: FakeMember[] = [];
    for (const m of stmt.members) {
      if (!m.name || !ts.isIdentifier(m.name) || isHidden(m) || ts.isConstructorDeclaration(m)) continue;
      const kind = ts.isGetAccessor(m) ? "get" : ts.isSetAccessor(m) ? "set" : ts.isMethodDeclaration(m) ? "method" : "property";
      const guards = [...m.getText(source).matchAll(/requireSet\("(\d+\.\d+)"/g)].map((x) => parseVersion(x[1]));
      members.push({ name: m.name.text, kind, guards });
    }
    out.set(stmt.name.text, members);
  }
  return out;
}

const MINIMUM_OF_EVERY_API: Version = [1, 1];
const INTERNAL = new Set<string>(["resolve", "peek", "bind", "probe", "preload", "typeName", "host", "queue", "pendingError", "requireSet", "enqueue"] satisfies FakeInternals[]);

describe("the fake against @types/office-js", () => {
  const declared = declaredExcelMembers();
  const fakes = fakeMembers();
  const base = new Map([...(declared.get("OfficeExtension.ClientObject") ?? []), ...(declared.get("OfficeExtension.ClientRequestContext") ?? [])]);

  it("finds the declarations and the fake's classes", () => {
    expect(scalarsAgree).toBe(true);
    expect(declared.get("Excel.Range")?.get("conditionalFormats")?.get).toEqual([1, 6]);
    expect(declared.get("Excel.Worksheet")?.get("visibility")).toMatchObject({ get: [1, 1], set: [1, 2] });
    for (const cls of Object.values(FAKE_CLASSES)) expect(fakes.has(cls.name)).toBe(true);
  });

  it.each(Object.entries(FAKE_CLASSES).map(([excel, cls]) => [excel, cls.name] as const))(
    "Excel.%s: each modelled member exists in Office.js and is refused below its requirement set",
    (excel, fakeName) => {
      const real = declared.get(`Excel.${excel}`);
      expect(real).toBeDefined();
      // The class itself is reachable only from an API that is at least as new as its oldest member.
      const classSets = [...real!.values()].map((d) => d.get).filter((v): v is Version => v !== null);
      const classMinimum = classSets.reduce((a, b) => (compare(a, b) <= 0 ? a : b), [99, 0] as Version);
      const problems: string[] = [];
      for (const member of fakes.get(fakeName)!) {
        if (INTERNAL.has(member.name)) continue;
        const d = real!.get(member.name) ?? base.get(member.name);
        if (!d) {
          problems.push(`${member.name}: not in Excel.${excel}`);
          continue;
        }
        // No remark (collection items, the context's workbook) means: there from the first set.
        if (d.get === null && d.remark) {
          problems.push(`${member.name}: not in an ExcelApi requirement set ("${d.remark}")`);
          continue;
        }
        const needed = member.kind === "set" && d.set ? d.set : (d.get ?? MINIMUM_OF_EVERY_API);
        const floor = compare(classMinimum, MINIMUM_OF_EVERY_API) > 0 ? classMinimum : MINIMUM_OF_EVERY_API;
        if (compare(needed, floor) <= 0) continue;
        if (!member.guards.some((g) => compare(g, needed) === 0)) {
          problems.push(`${member.kind} ${member.name}: Office.js needs ExcelApi ${show(needed)}, the fake does not requireSet("${show(needed)}")`);
        }
      }
      expect(problems).toEqual([]);
    },
  );
});
