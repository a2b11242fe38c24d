/**
 * A strict fake of the Office.js subset the Excel adapter uses. Like Office.js:
 *  - scalar properties throw PropertyNotLoaded until load() + sync();
 *  - writes and loads are queued and run only at context.sync(), in order;
 *  - a sync whose payload (queued writes + loaded responses, as JSON) exceeds the limit
 *    (Excel on the web: 5 MB) rejects with RequestPayloadSizeLimitExceeded and applies nothing;
 *  - writes to a protected sheet reject with AccessDenied;
 *  - APIs above the host's ExcelApi version reject with ApiNotFound.
 * Stricter than Office.js: every object is a proxy that throws FakeNotModelled when code reads
 * or writes a property the fake does not model (`range.valuez = …`, `format.wrapText = true`),
 * so a test never passes over a write the fake silently dropped. Its classes are checked
 * against @types/office-js in officeTypes.test.ts.
 * Plain TypeScript without Node APIs: the browser tests inject it as the host.
 */
import {
  type FakeCell,
  type FakeChart,
  type FakeChartSeries as FakeChartSeriesState,
  type FakeConditionalFormat,
  type FakeSheet,
  type FakeTable,
  type FakeWorkbookState,
  type Rect,
  formatAddress,
  intersects,
  makeSheet,
  numberFormatAt,
  parseAddress,
  readRect,
  usedRect,
  writeRect,
} from "./state";
import { FakeCustomXmlPartCollection } from "./fakeCustomXml";
import { FakeRangeSort, FakeRowSortedEvent } from "./fakeSort";

export const DEFAULT_PAYLOAD_LIMIT = 5_000_000;

export interface FakeOfficeOptions {
  /** Supported requirement sets ({ExcelApi: "1.6"}), or the highest ExcelApi version. Default ExcelApi 1.17. */
  requirementSets?: Record<string, string> | string;
  payloadLimitBytes?: number;
  hostInfo?: { platform?: string; displayLanguage?: string; bodyBackgroundColor?: string };
}

export interface FakeCounters {
  syncs: number;
  bytesPerSync: number[];
  maxBytes: number;
}

export interface FakeOfficeHandle {
  state: FakeWorkbookState;
  counters: FakeCounters;
  resetCounters(): void;
  /** Base64 of each workbook Excel.createWorkbook was asked to open. */
  createdWorkbooks: string[];
  /** Called before each sync runs (n = 1-based sync number): tests mutate the state here. */
  beforeSync: ((n: number) => void) | null;
}

// ---------------------------------------------------------------------------------------------
// Errors shaped like OfficeExtension.Error

export class FakeRichApiError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

function notLoaded(property: string, location: string): FakeRichApiError {
  return new FakeRichApiError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    location,
  );
}

const accessDenied = (where: string) => new FakeRichApiError("AccessDenied", "You cannot perform the requested operation.", where);
const itemNotFound = (where: string) => new FakeRichApiError("ItemNotFound", "The requested resource doesn't exist.", where);
const invalidArgument = (where: string) =>
  new FakeRichApiError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.", where);

function versionAtLeast(have: string, need: string): boolean {
  const a = have.split(".").map(Number);
  const b = need.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

const jsonSize = (v: unknown): number => JSON.stringify(v ?? null).length;

// ---------------------------------------------------------------------------------------------
// Strictness: what the fake does not model throws

/** Thrown when code touches a member the fake does not model; not an Office error code. */
export class FakeNotModelledError extends Error {
  readonly code = "FakeNotModelled";
  constructor(what: string) {
    super(`The Excel fake does not model ${what}: model it in test/fakes/excel/fakeOffice.ts (checked against @types/office-js) or fix the name.`);
    this.name = "FakeNotModelledError";
  }
}

/**
 * Names any object may be asked for without modelling them: the promise machinery asks every
 * awaited value for `then`, and jest's matchers and printers ask for the rest.
 */
const PROBED_BY_TOOLS = new Set(["then", "toJSON", "asymmetricMatch", "$$typeof", "nodeType", "tagName", "@@__IMMUTABLE_ITERABLE__@@", "@@__IMMUTABLE_RECORD__@@", "_isMockFunction"]);

/** Class name → Office.js type name ("FakeTableProxy" → "Table"), for messages. */
const officeTypeName = (instance: object): string => instance.constructor.name.replace(/^Fake/, "").replace(/Proxy$/, "");

function hasSetter(target: object, key: PropertyKey): boolean {
  for (let o: object | null = target; o; o = Object.getPrototypeOf(o)) {
    const d = Object.getOwnPropertyDescriptor(o, key);
    if (d) return Boolean(d.set) || ("value" in d && Boolean(d.writable) && o === target);
  }
  return false;
}

/**
 * Every fake Office object extends this: the constructor hands back a proxy, so the subclass's
 * fields are defined through it (allowed) while reads of unknown names and writes to anything
 * but a setter or the object's own fields throw.
 */
abstract class Strict {
  constructor() {
    return new Proxy(this, {
      get(target, key, receiver) {
        if (typeof key === "symbol" || key in target) return Reflect.get(target, key, receiver);
        if (PROBED_BY_TOOLS.has(key)) return undefined;
        throw new FakeNotModelledError(`reading ${officeTypeName(target)}.${key}`);
      },
      set(target, key, value, receiver) {
        if (typeof key === "symbol" || hasSetter(target, key)) return Reflect.set(target, key, value, receiver);
        const readOnly = key in target ? " (read-only)" : "";
        throw new FakeNotModelledError(`setting ${officeTypeName(target)}.${key}${readOnly}`);
      },
      deleteProperty(target, key) {
        throw new FakeNotModelledError(`deleting ${officeTypeName(target)}.${String(key)}`);
      },
    });
  }
}

/** A plain record (a namespace, an enum) that throws on unknown names like the classes do; nested records too. */
function strictRecord<T extends object>(name: string, record: T): T {
  const nested = new Map<PropertyKey, unknown>();
  return new Proxy(record, {
    get(target, key, receiver) {
      if (typeof key === "symbol") return Reflect.get(target, key, receiver);
      if (!(key in target)) {
        if (PROBED_BY_TOOLS.has(key)) return undefined;
        throw new FakeNotModelledError(`reading ${name}.${key}`);
      }
      const value: unknown = Reflect.get(target, key, receiver);
      if (value === null || typeof value !== "object" || Object.getPrototypeOf(value) !== Object.prototype) return value;
      if (!nested.has(key)) nested.set(key, strictRecord(`${name}.${key}`, value));
      return nested.get(key);
    },
    set(_target, key) {
      throw new FakeNotModelledError(`setting ${name}.${String(key)}`);
    },
  });
}

// ---------------------------------------------------------------------------------------------
// The host: state, counters, sync

interface Op {
  /** What travels to the host; its JSON length counts toward the payload. */
  request: unknown;
  /** Response size estimate (loads), measured before anything in the batch runs. */
  responseSize(): number;
  run(): void;
}

class FakeHost {
  counters: FakeCounters = { syncs: 0, bytesPerSync: [], maxBytes: 0 };
  beforeSync: ((n: number) => void) | null = null;
  private nextId = 1;
  constructor(
    public state: FakeWorkbookState,
    readonly sets: Record<string, string>,
    readonly limit: number,
  ) {}

  isSetSupported(name: string, minVersion?: string): boolean {
    const have = this.sets[name];
    if (have === undefined) return false;
    return minVersion === undefined || versionAtLeast(have, minVersion);
  }

  newId(): string {
    return `{fake-${this.nextId++}}`;
  }

  sheet(name: string): FakeSheet | null {
    return this.state.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase()) ?? null;
  }

  async sync(ctx: FakeRequestContext): Promise<void> {
    await Promise.resolve();
    const ops = ctx.queue;
    ctx.queue = [];
    const pending = ctx.pendingError;
    ctx.pendingError = null;
    this.counters.syncs++;
    this.beforeSync?.(this.counters.syncs);
    if (pending) throw pending;
    let request = 0;
    let response = 0;
    for (const op of ops) {
      request += jsonSize(op.request);
      try {
        response += op.responseSize();
      } catch {
        // Objects created earlier in this batch cannot be measured before it runs.
      }
    }
    const total = request + response;
    this.counters.bytesPerSync.push(total);
    this.counters.maxBytes = Math.max(this.counters.maxBytes, total);
    if (total > this.limit) {
      throw request >= response
        ? new FakeRichApiError(
            "RequestPayloadSizeLimitExceeded",
            "The request payload size has exceeded the limit. See the Resource limits and performance optimization for Office Add-ins article for more information.",
          )
        : new FakeRichApiError(
            "ResponsePayloadSizeLimitExceeded",
            "The response payload size has exceeded the limit. See the Resource limits and performance optimization for Office Add-ins article for more information.",
          );
    }
    // Like Excel, ops before a failing one stay applied; the rest of the batch is dropped.
    for (const op of ops) op.run();
  }
}

export class FakeRequestContext extends Strict {
  queue: Op[] = [];
  pendingError: FakeRichApiError | null = null;
  readonly workbook: FakeWorkbook;
  readonly trackedObjects = { add() {}, remove() {} };
  constructor(readonly host: FakeHost) {
    super();
    this.workbook = new FakeWorkbook(this);
  }
  sync(): Promise<void> {
    return this.host.sync(this);
  }
  /** Queues an API call above the host's version to fail at the next sync, as Excel does. */
  requireSet(version: string, api: string): void {
    if (!this.host.isSetSupported("ExcelApi", version) && !this.pendingError) {
      this.pendingError = new FakeRichApiError(
        "ApiNotFound",
        "The API you are trying to use could not be found. It may be available in a newer version of Excel.",
        `${api} (ExcelApi ${version})`,
      );
    }
  }
  enqueue(op: Op): void {
    this.queue.push(op);
  }
}

// ---------------------------------------------------------------------------------------------
// Proxy base

type Props = string | string[] | Record<string, unknown> | undefined;

function propList(props: Props): string[] {
  if (props === undefined) return [];
  if (typeof props === "string") return props.split(",").map((p) => p.trim()).filter(Boolean);
  if (Array.isArray(props)) return props.flatMap((p) => propList(p));
  return Object.keys(props);
}

abstract class FakeObject<T> extends Strict {
  protected loaded = new Map<string, unknown>();
  private target: { value: T | null } | null = null;
  constructor(
    readonly context: FakeRequestContext,
    private readonly locate: () => T | null,
    readonly typeName: string,
    private readonly nullable = false,
  ) {
    super();
  }

  /** Resolves the object at run time, once; a missing object throws ItemNotFound unless *OrNullObject. */
  resolve(): T | null {
    if (this.target) return this.target.value;
    const value = this.locate();
    if (value === null && !this.nullable) throw itemNotFound(this.typeName);
    this.target = { value };
    return value;
  }
  /** For size estimates: does not memoize. */
  peek(): T | null {
    return this.target ? this.target.value : this.locate();
  }
  protected mustResolve(where: string): T {
    const v = this.resolve();
    if (v === null) throw itemNotFound(`${this.typeName}.${where} on a null object`);
    return v;
  }
  /** Binds the proxy to an object that a queued op created. */
  bind(value: T): void {
    this.target = { value };
  }

  get isNullObject(): boolean {
    if (!this.loaded.has("isNullObject")) throw notLoaded("isNullObject", `${this.typeName}.isNullObject`);
    return this.loaded.get("isNullObject") as boolean;
  }

  protected read<V>(name: string): V {
    if (!this.loaded.has(name)) throw notLoaded(name, `${this.typeName}.${name}`);
    return this.loaded.get(name) as V;
  }

  /** The values of the loadable properties; subclasses list what they know. */
  protected abstract snapshot(target: T, prop: string): unknown;
  protected abstract loadable: readonly string[];

  load(props?: Props): this {
    const names = propList(props);
    const list = names.length ? names : [...this.loadable];
    for (const n of list) {
      if (!this.loadable.includes(n)) {
        this.context.pendingError ??= new FakeRichApiError("InvalidArgument", `The fake does not support loading '${n}'.`, `${this.typeName}.${n}`);
      }
    }
    this.context.enqueue({
      request: { load: this.typeName, props: list },
      responseSize: () => {
        const t = this.peek();
        if (t === null) return 4;
        return list.reduce((sum, p) => sum + p.length + jsonSize(this.snapshot(t, p)), 0);
      },
      run: () => {
        const t = this.resolve();
        this.loaded.set("isNullObject", t === null);
        if (t === null) return;
        for (const p of list) this.loaded.set(p, this.snapshot(t, p));
      },
    });
    return this;
  }

  /** *OrNullObject proxies learn isNullObject at the next sync without an explicit load. */
  protected trackNull(): void {
    this.context.enqueue({
      request: { probe: this.typeName },
      responseSize: () => 8,
      run: () => {
        this.loaded.set("isNullObject", this.resolve() === null);
      },
    });
  }

  /** A write: sets the local value now (as Office.js does) and queues it for the host. */
  protected write(name: string, value: unknown, request: unknown, apply: (t: T) => void): void {
    this.loaded.set(name, value);
    this.context.enqueue({ request, responseSize: () => 0, run: () => apply(this.mustResolve(name)) });
  }

  protected action(name: string, request: unknown, apply: (t: T) => void): void {
    this.context.enqueue({ request, responseSize: () => 0, run: () => apply(this.mustResolve(name)) });
  }
}

function guardProtected(sheet: FakeSheet, where: string): void {
  if (sheet.protected) throw accessDenied(where);
}

// ---------------------------------------------------------------------------------------------
// Workbook, worksheets

class FakeWorkbook extends Strict {
  readonly worksheets: FakeWorksheetCollection;
  constructor(private readonly ctx: FakeRequestContext) {
    super();
    this.worksheets = new FakeWorksheetCollection(ctx);
  }
  /** [ExcelApi 1.4] */
  get settings(): FakeSettingCollection {
    this.ctx.requireSet("1.4", "Workbook.settings");
    return new FakeSettingCollection(this.ctx);
  }
  /** [ExcelApi 1.5] (fakeCustomXml.ts) */
  get customXmlParts(): FakeCustomXmlPartCollection {
    this.ctx.requireSet("1.5", "Workbook.customXmlParts");
    return new FakeCustomXmlPartCollection(this.ctx);
  }
  /** Every table of the workbook, by name. */
  get tables(): FakeTableCollection {
    return new FakeTableCollection(this.ctx, null);
  }
  /** [ExcelApi 1.2] */
  get functions(): FakeFunctions {
    this.ctx.requireSet("1.2", "Workbook.functions");
    return new FakeFunctions(this.ctx);
  }
}

class FakeWorksheetCollection extends Strict {
  private itemsLoaded: FakeWorksheet[] | null = null;
  constructor(private readonly ctx: FakeRequestContext) {
    super();
  }

  get items(): FakeWorksheet[] {
    if (!this.itemsLoaded) throw notLoaded("items", "WorksheetCollection.items");
    return this.itemsLoaded;
  }

  load(props?: Props): this {
    const list = propList(props).map((p) => p.replace(/^items\//, ""));
    this.ctx.enqueue({
      request: { load: "WorksheetCollection", props: list },
      responseSize: () => jsonSize(this.ctx.host.state.sheets.map((s) => list.map((p) => sheetProp(s, p)))),
      run: () => {
        this.itemsLoaded = this.ctx.host.state.sheets.map((s) => {
          const ws = new FakeWorksheet(this.ctx, () => s);
          ws.resolve();
          ws.preload(list);
          return ws;
        });
      },
    });
    return this;
  }

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.host.sheet(name));
  }

  /** [ExcelApi 1.4] */
  getItemOrNullObject(name: string): FakeWorksheet {
    this.ctx.requireSet("1.4", "WorksheetCollection.getItemOrNullObject");
    const ws = new FakeWorksheet(this.ctx, () => this.ctx.host.sheet(name), true);
    ws.probe();
    return ws;
  }

  add(name: string): FakeWorksheet {
    const ws = new FakeWorksheet(this.ctx, () => this.ctx.host.sheet(name));
    this.ctx.enqueue({
      request: { add: "Worksheet", name },
      responseSize: () => 0,
      run: () => {
        if (this.ctx.host.sheet(name)) throw new FakeRichApiError("ItemAlreadyExists", "The resource being created already exists.", "WorksheetCollection.add");
        if (!name || name.length > 31 || /[\\/?*[\]:]/.test(name)) throw invalidArgument("WorksheetCollection.add");
        const sheet: FakeSheet = makeSheet(name, []);
        this.ctx.host.state.sheets.push(sheet);
        ws.bind(sheet);
      },
    });
    return ws;
  }
}

function sheetProp(s: FakeSheet, p: string): unknown {
  switch (p) {
    case "name":
      return s.name;
    case "visibility":
      return s.visibility;
    case "position":
      return 0;
    default:
      return null;
  }
}

class FakeWorksheet extends FakeObject<FakeSheet> {
  protected loadable = ["name", "visibility", "position"] as const;
  constructor(ctx: FakeRequestContext, locate: () => FakeSheet | null, nullable = false) {
    super(ctx, locate, "Worksheet", nullable);
  }
  probe(): void {
    this.trackNull();
  }
  preload(props: string[]): void {
    const t = this.resolve()!;
    this.loaded.set("isNullObject", false);
    for (const p of props) this.loaded.set(p, this.snapshot(t, p));
  }
  protected snapshot(t: FakeSheet, p: string): unknown {
    if (p === "position") return this.context.host.state.sheets.indexOf(t);
    return sheetProp(t, p);
  }

  get name(): string {
    return this.read("name");
  }
  get visibility(): string {
    return this.read("visibility");
  }
  /** Setting it: [ExcelApi 1.2]. */
  set visibility(value: string) {
    this.context.requireSet("1.2", "Worksheet.visibility (set)");
    this.write("visibility", value, { set: "visibility", value }, (s) => {
      if (!["Visible", "Hidden", "VeryHidden"].includes(value)) throw invalidArgument("Worksheet.visibility");
      if (value !== "Visible" && this.context.host.state.sheets.filter((x) => x !== s && x.visibility === "Visible").length === 0) {
        throw new FakeRichApiError("InvalidOperation", "The operation attempted is invalid on the object.", "Worksheet.visibility");
      }
      s.visibility = value as FakeSheet["visibility"];
    });
  }

  /** [ExcelApi 1.2] */
  get protection(): FakeWorksheetProtection {
    this.context.requireSet("1.2", "Worksheet.protection");
    return new FakeWorksheetProtection(this.context, () => this.resolve());
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.context, () => {
      const sheet = this.mustResolve("getRange");
      if (address === undefined) return { sheet, rect: { r0: 0, c0: 0, r1: 1_048_575, c1: 16_383 } };
      const rect = parseAddress(address);
      if (!rect) throw invalidArgument(`Worksheet.getRange("${address}")`);
      return { sheet, rect };
    });
  }

  /** [ExcelApi 1.1; valuesOnly 1.2] A blank sheet gives A1. */
  getUsedRange(valuesOnly?: boolean): FakeRange {
    if (valuesOnly !== undefined) this.context.requireSet("1.2", "Worksheet.getUsedRange(valuesOnly)");
    return new FakeRange(this.context, () => {
      const sheet = this.mustResolve("getUsedRange");
      return { sheet, rect: usedRect(sheet) ?? { r0: 0, c0: 0, r1: 0, c1: 0 } };
    });
  }

  /** [ExcelApi 1.4] A blank sheet gives a null object. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    this.context.requireSet("1.4", "Worksheet.getUsedRangeOrNullObject");
    const range = new FakeRange(
      this.context,
      () => {
        const sheet = this.resolve();
        if (sheet === null) return null;
        const rect = usedRect(sheet);
        return rect ? { sheet, rect } : null;
      },
      true,
    );
    range.probe();
    void valuesOnly; // the fake keeps no formats, so the used range is the values' range either way
    return range;
  }

  delete(): void {
    this.action("delete", { delete: "Worksheet" }, (s) => {
      const state = this.context.host.state;
      if (state.sheets.filter((x) => x !== s && x.visibility === "Visible").length === 0) {
        throw new FakeRichApiError("InvalidOperation", "The operation attempted is invalid on the object.", "Worksheet.delete");
      }
      state.sheets.splice(state.sheets.indexOf(s), 1);
      if (state.activeSheet === s.name) state.activeSheet = state.sheets.find((x) => x.visibility === "Visible")?.name ?? null;
      if (state.selection?.sheet === s.name) state.selection = null;
    });
  }

  activate(): void {
    this.action("activate", { activate: "Worksheet" }, (s) => {
      if (s.visibility !== "Visible") throw new FakeRichApiError("InvalidOperation", "The operation attempted is invalid on the object.", "Worksheet.activate");
      this.context.host.state.activeSheet = s.name;
    });
  }

  get tables(): FakeTableCollection {
    return new FakeTableCollection(this.context, () => this.mustResolve("tables"));
  }
  /** [ExcelApi 1.10] (fakeSort.ts) */
  get onRowSorted(): FakeRowSortedEvent {
    this.context.requireSet("1.10", "Worksheet.onRowSorted");
    return new FakeRowSortedEvent(this.context, () => this.mustResolve("onRowSorted"));
  }
  get charts(): FakeChartCollection {
    return new FakeChartCollection(this.context, () => this.mustResolve("charts"));
  }
}

class FakeWorksheetProtection extends FakeObject<FakeSheet> {
  protected loadable = ["protected"] as const;
  constructor(ctx: FakeRequestContext, locate: () => FakeSheet | null) {
    super(ctx, locate, "WorksheetProtection");
  }
  protected snapshot(t: FakeSheet): unknown {
    return t.protected;
  }
  get protected(): boolean {
    return this.read("protected");
  }
}

// ---------------------------------------------------------------------------------------------
// Ranges and their formats

interface RangeTarget {
  sheet: FakeSheet;
  rect: Rect;
}

class FakeRange extends FakeObject<RangeTarget> {
  protected loadable = ["values", "rowCount", "columnCount", "rowIndex", "columnIndex", "address"] as const;
  constructor(ctx: FakeRequestContext, locate: () => RangeTarget | null, nullable = false) {
    super(ctx, locate, "Range", nullable);
  }
  probe(): void {
    this.trackNull();
  }
  protected snapshot(t: RangeTarget, p: string): unknown {
    const { rect } = t;
    switch (p) {
      case "values":
        if ((rect.r1 - rect.r0 + 1) * (rect.c1 - rect.c0 + 1) > 5_000_000) {
          throw new FakeRichApiError("RangeExceedsLimit", "The cell count in the range has exceeded the maximum supported number.", "Range.values");
        }
        return readRect(t.sheet, rect);
      case "rowCount":
        return rect.r1 - rect.r0 + 1;
      case "columnCount":
        return rect.c1 - rect.c0 + 1;
      case "rowIndex":
        return rect.r0;
      case "columnIndex":
        return rect.c0;
      case "address":
        return `${quoteSheet(t.sheet.name)}!${formatAddress(rect)}`;
    }
    return null;
  }

  get values(): (string | number | boolean)[][] {
    return this.read("values");
  }
  set values(values: FakeCell[][]) {
    this.write("values", values, { set: "values", values }, (t) => {
      guardProtected(t.sheet, "Range.values");
      const rows = t.rect.r1 - t.rect.r0 + 1;
      const cols = t.rect.c1 - t.rect.c0 + 1;
      if (!Array.isArray(values) || values.length !== rows || values.some((r) => !Array.isArray(r) || r.length !== cols)) {
        throw invalidArgument("Range.values");
      }
      // Like Excel: text that begins with "=" becomes a formula unless the cell is formatted as text.
      values.forEach((row, r) =>
        row.forEach((v, c) => {
          if (typeof v === "string" && v.startsWith("=") && numberFormatAt(t.sheet, t.rect.r0 + r, t.rect.c0 + c) !== "@") {
            (t.sheet.formulas ??= []).push({ address: formatAddress({ r0: t.rect.r0 + r, c0: t.rect.c0 + c, r1: t.rect.r0 + r, c1: t.rect.c0 + c }), text: v });
          }
        }),
      );
      writeRect(t.sheet, t.rect, values);
    });
  }
  /**
   * Constants as `values` writes them; a text beginning with "=" in a cell not formatted "@" is a
   * formula, and the only formula modelled is a table totals row's =SUBTOTAL(109,[Column]).
   */
  set formulas(formulas: FakeCell[][]) {
    this.write("formulas", formulas, { set: "formulas", formulas }, (t) => {
      guardProtected(t.sheet, "Range.formulas");
      const rows = t.rect.r1 - t.rect.r0 + 1;
      const cols = t.rect.c1 - t.rect.c0 + 1;
      if (!Array.isArray(formulas) || formulas.length !== rows || formulas.some((r) => !Array.isArray(r) || r.length !== cols)) {
        throw invalidArgument("Range.formulas");
      }
      const isFormula = (v: FakeCell, r: number, c: number) => typeof v === "string" && v.startsWith("=") && numberFormatAt(t.sheet, t.rect.r0 + r, t.rect.c0 + c) !== "@";
      // All or nothing, as one request: every formula is checked before any cell changes.
      formulas.forEach((row, r) => row.forEach((v, c) => isFormula(v, r, c) && totalsFormulaValue(t.sheet, t.rect.r0 + r, t.rect.c0 + c, v as string)));
      formulas.forEach((row, r) =>
        row.forEach((v, c) => {
          const at = { r0: t.rect.r0 + r, c0: t.rect.c0 + c, r1: t.rect.r0 + r, c1: t.rect.c0 + c };
          if (isFormula(v, r, c)) writeTotalsFormula(t.sheet, at.r0, at.c0, v as string);
          else {
            clearFormulas(t.sheet, at);
            writeRect(t.sheet, at, [[v]]);
          }
        }),
      );
    });
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get address(): string {
    return this.read("address");
  }
  set numberFormat(format: string[][]) {
    this.write("numberFormat", format, { set: "numberFormat", format }, (t) => {
      guardProtected(t.sheet, "Range.numberFormat");
      const rows = t.rect.r1 - t.rect.r0 + 1;
      const cols = t.rect.c1 - t.rect.c0 + 1;
      if (!Array.isArray(format) || format.length !== rows || format.some((r) => !Array.isArray(r) || r.length !== cols)) {
        throw invalidArgument("Range.numberFormat");
      }
      t.sheet.numberFormats.push({ address: formatAddress(t.rect), format });
    });
  }

  /** [ExcelApi 1.7] One cell: a link to a place in the workbook or an address. */
  set hyperlink(link: { documentReference?: string; address?: string; textToDisplay?: string; screenTip?: string }) {
    this.context.requireSet("1.7", "Range.hyperlink");
    this.write("hyperlink", link, { set: "hyperlink", link }, (t) => {
      guardProtected(t.sheet, "Range.hyperlink");
      if (t.rect.r0 !== t.rect.r1 || t.rect.c0 !== t.rect.c1) throw invalidArgument("Range.hyperlink (one cell)");
      if (link.documentReference !== undefined && !/^('([^']|'')+'|[^'!]+)![A-Z]+\d+$/.test(link.documentReference)) throw invalidArgument("Range.hyperlink.documentReference");
      (t.sheet.hyperlinks ??= []).push({ address: formatAddress(t.rect), documentReference: link.documentReference, textToDisplay: link.textToDisplay });
    });
  }

  get format(): FakeRangeFormat {
    return new FakeRangeFormat(this.context, () => this.resolve());
  }

  /** [ExcelApi 1.2] (fakeSort.ts) */
  get sort(): FakeRangeSort {
    this.context.requireSet("1.2", "Range.sort");
    return new FakeRangeSort(this.context, () => this.mustResolve("sort"));
  }

  /** [ExcelApi 1.6] */
  get conditionalFormats(): FakeConditionalFormatCollection {
    this.context.requireSet("1.6", "Range.conditionalFormats");
    return new FakeConditionalFormatCollection(this.context, () => this.mustResolve("conditionalFormats"));
  }

  select(): void {
    this.action("select", { select: "Range" }, (t) => {
      const state = this.context.host.state;
      if (state.activeSheet !== t.sheet.name) {
        throw new FakeRichApiError("InvalidSelection", "The current selection is invalid for this operation.", "Range.select (sheet not active)");
      }
      state.selection = { sheet: t.sheet.name, address: formatAddress(t.rect) };
    });
  }
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

class FakeRangeFormat extends Strict {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly locate: () => RangeTarget | null,
  ) {
    super();
  }
  get fill(): FakeRangeFill {
    return new FakeRangeFill(this.ctx, this.locate);
  }
  get font(): FakeRangeFont {
    return new FakeRangeFont(this.ctx, this.locate);
  }
  /** [ExcelApi 1.2] */
  autofitColumns(): void {
    this.ctx.requireSet("1.2", "RangeFormat.autofitColumns");
    this.ctx.enqueue({ request: { autofitColumns: true }, responseSize: () => 0, run: () => undefined });
  }
}

class FakeRangeFill extends FakeObject<RangeTarget> {
  protected loadable = ["color"] as const;
  constructor(ctx: FakeRequestContext, locate: () => RangeTarget | null) {
    super(ctx, locate, "RangeFill");
  }
  protected snapshot(t: RangeTarget): unknown {
    const a = formatAddress(t.rect);
    return t.sheet.fills.filter((f) => f.address === a).pop()?.color ?? null;
  }
  get color(): string {
    return this.read("color");
  }
  set color(color: string) {
    this.write("color", color, { set: "fill.color", color }, (t) => {
      guardProtected(t.sheet, "RangeFill.color");
      t.sheet.fills.push({ address: formatAddress(t.rect), color });
    });
  }
}

class FakeRangeFont extends Strict {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly locate: () => RangeTarget | null,
  ) {
    super();
  }
  set bold(value: boolean) {
    this.ctx.enqueue({
      request: { set: "font.bold", value },
      responseSize: () => 0,
      run: () => {
        const t = this.locate();
        if (!t) throw itemNotFound("RangeFont.bold");
        guardProtected(t.sheet, "RangeFont.bold");
      },
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Conditional formats [ExcelApi 1.6]

class FakeConditionalFormatCollection extends Strict {
  private itemsLoaded: FakeConditionalFormatProxy[] | null = null;
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly locate: () => RangeTarget,
  ) {
    super();
  }

  private intersecting(t: RangeTarget): FakeConditionalFormat[] {
    return t.sheet.conditionalFormats.filter((cf) => {
      const r = parseAddress(cf.address);
      return r !== null && intersects(r, t.rect);
    });
  }

  get items(): FakeConditionalFormatProxy[] {
    if (!this.itemsLoaded) throw notLoaded("items", "ConditionalFormatCollection.items");
    return this.itemsLoaded;
  }

  load(props?: Props): this {
    const list = propList(props).map((p) => p.replace(/^items\//, ""));
    this.ctx.enqueue({
      request: { load: "ConditionalFormatCollection", props: list },
      responseSize: () => jsonSize(this.intersecting(this.locate()).map((cf) => list.map((p) => cfProp(cf, p)))),
      run: () => {
        const t = this.locate();
        this.itemsLoaded = this.intersecting(t).map((cf) => {
          const proxy = new FakeConditionalFormatProxy(this.ctx, () => t.sheet.conditionalFormats.find((x) => x.id === cf.id) ?? null, t.sheet);
          proxy.resolve();
          proxy.preload(list);
          return proxy;
        });
      },
    });
    return this;
  }

  add(type: string): FakeConditionalFormatProxy {
    let sheet: FakeSheet | null = null;
    const proxy = new FakeConditionalFormatProxy(this.ctx, () => null, null, () => sheet);
    this.ctx.enqueue({
      request: { add: "ConditionalFormat", type },
      responseSize: () => 0,
      run: () => {
        const t = this.locate();
        guardProtected(t.sheet, "ConditionalFormatCollection.add");
        const cf: FakeConditionalFormat = { id: this.ctx.host.newId(), type, address: formatAddress(t.rect), fillColor: null, fontColor: null };
        if (type === "Custom") cf.formula = "";
        t.sheet.conditionalFormats.push(cf);
        sheet = t.sheet;
        proxy.bind(cf);
      },
    });
    return proxy;
  }
}

function cfProp(cf: FakeConditionalFormat, p: string): unknown {
  switch (p) {
    case "type":
      return cf.type;
    case "id":
      return cf.id;
    case "priority":
      return 0;
    case "stopIfTrue":
      return false;
    default:
      return null;
  }
}

class FakeConditionalFormatProxy extends FakeObject<FakeConditionalFormat> {
  protected loadable = ["type", "id", "priority", "stopIfTrue"] as const;
  constructor(
    ctx: FakeRequestContext,
    locate: () => FakeConditionalFormat | null,
    private sheet: FakeSheet | null,
    private readonly sheetLater: () => FakeSheet | null = () => null,
  ) {
    super(ctx, locate, "ConditionalFormat");
  }
  preload(props: string[]): void {
    const t = this.resolve()!;
    for (const p of props) this.loaded.set(p, cfProp(t, p));
  }
  protected snapshot(t: FakeConditionalFormat, p: string): unknown {
    return cfProp(t, p);
  }
  private owner(): FakeSheet {
    const s = this.sheet ?? this.sheetLater();
    if (!s) throw itemNotFound("ConditionalFormat");
    return s;
  }
  get type(): string {
    return this.read("type");
  }
  get id(): string {
    return this.read("id");
  }
  get custom(): FakeCustomConditionalFormat {
    return new FakeCustomConditionalFormat(this.context, () => {
      const cf = this.mustResolve("custom");
      if (cf.type !== "Custom") throw new FakeRichApiError("InvalidOperation", "The operation attempted is invalid on the object.", "ConditionalFormat.custom");
      return cf;
    });
  }
  delete(): void {
    this.action("delete", { delete: "ConditionalFormat" }, (cf) => {
      const sheet = this.owner();
      guardProtected(sheet, "ConditionalFormat.delete");
      const i = sheet.conditionalFormats.indexOf(cf);
      if (i < 0) throw itemNotFound("ConditionalFormat.delete");
      sheet.conditionalFormats.splice(i, 1);
    });
  }
}

class FakeCustomConditionalFormat extends Strict {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly locate: () => FakeConditionalFormat,
  ) {
    super();
  }
  get rule(): FakeConditionalFormatRule {
    return new FakeConditionalFormatRule(this.ctx, this.locate);
  }
  get format(): FakeConditionalRangeFormat {
    return new FakeConditionalRangeFormat(this.ctx, this.locate);
  }
}

class FakeConditionalRangeFormat extends Strict {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly locate: () => FakeConditionalFormat,
  ) {
    super();
  }
  get fill(): FakeConditionalFill {
    return new FakeConditionalFill(this.ctx, this.locate);
  }
  get font(): FakeConditionalFont {
    return new FakeConditionalFont(this.ctx, this.locate);
  }
}

class FakeConditionalFormatRule extends FakeObject<FakeConditionalFormat> {
  protected loadable = ["formula"] as const;
  constructor(ctx: FakeRequestContext, locate: () => FakeConditionalFormat) {
    super(ctx, locate, "ConditionalFormatRule");
  }
  protected snapshot(t: FakeConditionalFormat): unknown {
    return t.formula ?? null;
  }
  get formula(): string {
    return this.read("formula");
  }
  set formula(formula: string) {
    this.write("formula", formula, { set: "rule.formula", formula }, (cf) => {
      if (typeof formula !== "string" || !formula.startsWith("=")) throw invalidArgument("ConditionalFormatRule.formula");
      cf.formula = formula;
    });
  }
}

class FakeConditionalFill extends FakeObject<FakeConditionalFormat> {
  protected loadable = ["color"] as const;
  constructor(ctx: FakeRequestContext, locate: () => FakeConditionalFormat) {
    super(ctx, locate, "ConditionalRangeFill");
  }
  protected snapshot(t: FakeConditionalFormat): unknown {
    return t.fillColor ?? null;
  }
  get color(): string {
    return this.read("color");
  }
  set color(color: string) {
    this.write("color", color, { set: "cf.fill.color", color }, (cf) => {
      cf.fillColor = color;
    });
  }
}

class FakeConditionalFont extends FakeObject<FakeConditionalFormat> {
  protected loadable = ["color"] as const;
  constructor(ctx: FakeRequestContext, locate: () => FakeConditionalFormat) {
    super(ctx, locate, "ConditionalRangeFont");
  }
  protected snapshot(t: FakeConditionalFormat): unknown {
    return t.fontColor ?? null;
  }
  set color(color: string) {
    this.write("color", color, { set: "cf.font.color", color }, (cf) => {
      cf.fontColor = color;
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Tables and charts

/** The sheet holding a table, by identity. */
function sheetOfTable(state: FakeWorkbookState, table: FakeTable): FakeSheet | null {
  return state.sheets.find((s) => s.tables.includes(table)) ?? null;
}

function tableByName(state: FakeWorkbookState, name: string, on: FakeSheet | null): FakeTable | null {
  const sheets = on ? [on] : state.sheets;
  for (const s of sheets) for (const t of s.tables) if (t.name.toLowerCase() === name.toLowerCase()) return t;
  return null;
}

/** Excel's default totals row when showTotals is switched on: "Total" first, the last column summed. */
const DEFAULT_TOTAL_LABEL = "Total";

/** A column name inside a structured reference: [, ], # and ' are escaped with '. */
const unescapeColumn = (text: string) => text.replace(/'(.)/g, "$1");
/** =SUBTOTAL(109,[Column]) as Excel writes it, or qualified: =SUBTOTAL(109,Table[[Column]]). */
const TOTALS_FORMULA = /^=SUBTOTAL\(109,(?:\[((?:[^[\]']|'.)*)\]|([A-Za-z_\\][A-Za-z0-9_.]*)\[\[((?:[^[\]']|'.)*)\]\])\)$/;

/**
 * What a formula in a table's totals row evaluates to. Only SUBTOTAL(109,[Column]) (the sum of
 * the column's visible data, what Excel's own totals row writes) is modelled.
 */
function evaluateTotalsFormula(sheet: FakeSheet, table: FakeTable, text: string): number {
  const m = TOTALS_FORMULA.exec(text);
  if (!m) throw new FakeNotModelledError(`the formula ${text} (only =SUBTOTAL(109,[Column]) in a table's totals row)`);
  if (m[2] !== undefined && m[2].toLowerCase() !== table.name.toLowerCase()) throw new FakeNotModelledError(`the formula ${text} in the totals row of another table (${table.name})`);
  const rect = parseAddress(table.address)!;
  const headers = readRect(sheet, { ...rect, r1: rect.r0 })[0].map((h) => String(h).toLowerCase());
  const c = headers.indexOf(unescapeColumn(m[1] ?? m[3]).toLowerCase());
  if (c < 0) throw invalidArgument(`Range.formulas (${text}: no such column in ${table.name})`);
  let sum = 0;
  for (const [v] of readRect(sheet, { r0: rect.r0 + 1, r1: rect.r1 - 1, c0: rect.c0 + c, c1: rect.c0 + c })) if (typeof v === "number") sum += v;
  return sum;
}

/** Writes a formula into a cell of a table's totals row: its value is the result, the text is kept in `formulas`. */
function writeTotalsFormula(sheet: FakeSheet, row: number, col: number, text: string): void {
  const value = totalsFormulaValue(sheet, row, col, text);
  const address = formatAddress({ r0: row, c0: col, r1: row, c1: col });
  sheet.formulas = (sheet.formulas ?? []).filter((f) => f.address !== address);
  sheet.formulas.push({ address, text });
  writeRect(sheet, { r0: row, c0: col, r1: row, c1: col }, [[value]]);
}

function totalsFormulaValue(sheet: FakeSheet, row: number, col: number, text: string): number {
  const table = sheet.tables.find((t) => {
    const r = parseAddress(t.address)!;
    return t.showTotals === true && r.r1 === row && col >= r.c0 && col <= r.c1;
  });
  if (!table) throw new FakeNotModelledError(`the formula ${text} outside a table's totals row`);
  return evaluateTotalsFormula(sheet, table, text);
}

function clearFormulas(sheet: FakeSheet, rect: Rect): void {
  if (!sheet.formulas) return;
  sheet.formulas = sheet.formulas.filter((f) => {
    const r = parseAddress(f.address);
    return !r || !intersects(r, rect);
  });
}

class FakeTableCollection extends Strict {
  constructor(
    private readonly ctx: FakeRequestContext,
    /** The worksheet's collection; null for workbook.tables. */
    private readonly locate: (() => FakeSheet) | null,
  ) {
    super();
  }
  add(address: string, hasHeaders: boolean): FakeTableProxy {
    const proxy = new FakeTableProxy(this.ctx, () => null);
    const locate = this.locate;
    if (!locate) throw new FakeNotModelledError("workbook.tables.add (use worksheet.tables.add)");
    this.ctx.enqueue({
      request: { add: "Table", address, hasHeaders },
      responseSize: () => 0,
      run: () => {
        const sheet = locate();
        guardProtected(sheet, "TableCollection.add");
        const rect = parseAddress(address);
        if (!rect) throw invalidArgument("TableCollection.add");
        // Excel gives a table of its header row alone an empty data row.
        if (hasHeaders && rect.r0 === rect.r1) rect.r1 += 1;
        if (sheet.tables.some((t) => intersects(parseAddress(t.address)!, rect))) throw invalidArgument("TableCollection.add (overlaps a table)");
        if (hasHeaders) {
          const heads = readRect(sheet, { ...rect, r1: rect.r0 })[0].map((h) => String(h).toLowerCase());
          if (heads.some((h) => h === "") || new Set(heads).size !== heads.length) {
            throw new FakeNotModelledError("a table header with an empty or repeated title (Excel renames it Column1, …)");
          }
        }
        const all = this.ctx.host.state.sheets.flatMap((s) => s.tables);
        let n = all.length + 1;
        while (all.some((t) => t.name === `Table${n}`)) n++;
        const table: FakeTable = { name: `Table${n}`, address: formatAddress(rect), hasHeaders };
        sheet.tables.push(table);
        proxy.bind(table);
      },
    });
    return proxy;
  }
  /** [ExcelApi 1.4] */
  getItemOrNullObject(key: string): FakeTableProxy {
    this.ctx.requireSet("1.4", "TableCollection.getItemOrNullObject");
    const locate = this.locate;
    const proxy = new FakeTableProxy(this.ctx, () => tableByName(this.ctx.host.state, key, locate ? locate() : null), true);
    proxy.probe();
    return proxy;
  }
}

class FakeTableProxy extends FakeObject<FakeTable> {
  protected loadable = ["name", "style", "showTotals"] as const;
  constructor(ctx: FakeRequestContext, locate: () => FakeTable | null, nullable = false) {
    super(ctx, locate, "Table", nullable);
  }
  probe(): void {
    this.trackNull();
  }
  protected snapshot(t: FakeTable, p: string): unknown {
    if (p === "showTotals") return t.showTotals === true;
    return p === "name" ? t.name : (t.style ?? null);
  }
  set name(name: string) {
    this.write("name", name, { set: "table.name", name }, (t) => {
      const clash = this.context.host.state.sheets.flatMap((s) => s.tables).some((x) => x !== t && x.name.toLowerCase() === name.toLowerCase());
      if (clash || !/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name)) throw invalidArgument("Table.name");
      t.name = name;
    });
  }
  get name(): string {
    return this.read("name");
  }
  set style(style: string) {
    this.write("style", style, { set: "table.style", style }, (t) => {
      t.style = style;
    });
  }
  get showTotals(): boolean {
    return this.read("showTotals");
  }
  /** Adds (or removes) the totals row under the data, filled as Excel fills it. */
  set showTotals(show: boolean) {
    this.write("showTotals", show, { set: "table.showTotals", show }, (t) => {
      const sheet = sheetOfTable(this.context.host.state, t)!;
      guardProtected(sheet, "Table.showTotals");
      if (show === (t.showTotals === true)) return;
      const rect = parseAddress(t.address)!;
      if (show) {
        const below = { ...rect, r0: rect.r1 + 1, r1: rect.r1 + 1 };
        if (readRect(sheet, below)[0].some((v) => v !== "")) throw new FakeNotModelledError("a totals row over cells that hold values (Excel moves them down)");
        t.address = formatAddress({ ...rect, r1: rect.r1 + 1 });
        t.showTotals = true;
        const width = rect.c1 - rect.c0 + 1;
        writeRect(sheet, below, [Array.from({ length: width }, (_, i) => (i === 0 && width > 1 ? DEFAULT_TOTAL_LABEL : ""))]);
        const lastHeader = String(readRect(sheet, { ...rect, r1: rect.r0, c0: rect.c1 })[0][0]);
        writeTotalsFormula(sheet, below.r0, rect.c1, `=SUBTOTAL(109,[${lastHeader.replace(/([[\]#'])/g, "'$1")}])`);
      } else {
        const totals = { ...rect, r0: rect.r1 };
        writeRect(sheet, totals, [Array.from({ length: rect.c1 - rect.c0 + 1 }, () => "")]);
        clearFormulas(sheet, totals);
        t.address = formatAddress({ ...rect, r1: rect.r1 - 1 });
        t.showTotals = false;
      }
    });
  }
  /** The totals row; ItemNotFound when the table shows none. */
  getTotalRowRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this.mustResolve("getTotalRowRange");
      if (!t.showTotals) throw itemNotFound("Table.getTotalRowRange (no totals row)");
      const rect = parseAddress(t.address)!;
      return { sheet: sheetOfTable(this.context.host.state, t)!, rect: { ...rect, r0: rect.r1 } };
    });
  }
  /** [ExcelApi 1.2] */
  get worksheet(): FakeWorksheet {
    this.context.requireSet("1.2", "Table.worksheet");
    return new FakeWorksheet(this.context, () => sheetOfTable(this.context.host.state, this.mustResolve("worksheet")));
  }
}

/**
 * The series Excel makes of a source range by columns: a first row of text names them, a first
 * column of text (or a blank corner over a header) gives the categories; else "Series1", … and
 * the categories 1, 2, 3 …
 */
function seriesByColumns(sheet: FakeSheet, rect: Rect): FakeChartSeriesState[] {
  const cells = readRect(sheet, rect);
  const rows = cells.length;
  const cols = cells[0].length;
  const header = rows > 1 && cells[0].slice(cols > 1 ? 1 : 0).every((v) => typeof v === "string" && v !== "");
  const body = header ? { ...rect, r0: rect.r0 + 1 } : rect;
  const first = readRect(sheet, { ...body, c1: body.c0 }).map(([v]) => v);
  const categories = cols > 1 && (first.some((v) => typeof v === "string" && v !== "") || (header && cells[0][0] === ""));
  const out: FakeChartSeriesState[] = [];
  for (let c = categories ? 1 : 0; c < cols; c++) {
    out.push({
      name: header ? String(cells[0][c]) : `Series${out.length + 1}`,
      values: formatAddress({ ...body, c0: rect.c0 + c, c1: rect.c0 + c }),
      xValues: categories ? formatAddress({ ...body, c1: body.c0 }) : null,
    });
  }
  return out;
}

class FakeChartCollection extends Strict {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly locate: () => FakeSheet,
  ) {
    super();
  }
  add(type: string, sourceData: FakeRange, seriesBy?: string): FakeChartProxy {
    const proxy = new FakeChartProxy(this.ctx);
    if (seriesBy !== "Columns") throw new FakeNotModelledError(`ChartCollection.add with seriesBy ${String(seriesBy)} (only "Columns")`);
    this.ctx.enqueue({
      request: { add: "Chart", type, seriesBy },
      responseSize: () => 0,
      run: () => {
        const sheet = this.locate();
        guardProtected(sheet, "ChartCollection.add");
        const source = sourceData.resolve();
        if (!source || source.sheet !== sheet) throw invalidArgument("ChartCollection.add");
        const chart: FakeChart = {
          name: `Chart ${sheet.charts.length + 1}`,
          type,
          source: formatAddress(source.rect),
          seriesBy,
          title: null,
          seriesTypes: {},
          position: null,
          series: seriesByColumns(sheet, source.rect),
        };
        sheet.charts.push(chart);
        proxy.bind(chart);
      },
    });
    return proxy;
  }
}

type ChartTarget = FakeSheet["charts"][number];

class FakeChartProxy extends FakeObject<ChartTarget> {
  protected loadable = ["name"] as const;
  constructor(ctx: FakeRequestContext) {
    super(ctx, () => null, "Chart");
  }
  protected snapshot(t: ChartTarget): unknown {
    return t.name;
  }
  set name(name: string) {
    this.write("name", name, { set: "chart.name", name }, (c) => {
      c.name = name;
    });
  }
  get title(): FakeChartTitle {
    return new FakeChartTitle(this.context, () => this.resolve()!);
  }
  setPosition(startCell: string, endCell?: string): void {
    this.action("setPosition", { setPosition: [startCell, endCell] }, (c) => {
      if (!parseAddress(startCell) || (endCell !== undefined && !parseAddress(endCell))) throw invalidArgument("Chart.setPosition");
      c.position = { start: startCell, end: endCell ?? null };
    });
  }
  get series(): FakeChartSeriesCollection {
    return new FakeChartSeriesCollection(this.context, this);
  }
}

class FakeChartTitle extends Strict {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly chart: () => ChartTarget,
  ) {
    super();
  }
  set text(text: string) {
    this.ctx.enqueue({ request: { set: "chart.title.text", text }, responseSize: () => 0, run: () => void (this.chart().title = text) });
  }
  get text(): string {
    throw notLoaded("text", "ChartTitle.text");
  }
}

class FakeChartSeriesCollection extends Strict {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly chart: FakeChartProxy,
  ) {
    super();
  }
  getItemAt(index: number): FakeChartSeries {
    return new FakeChartSeries(this.ctx, this.chart, () => index);
  }
  /** [ExcelApi 1.7] A series without values until setValues. */
  add(name?: string, index?: number): FakeChartSeries {
    this.ctx.requireSet("1.7", "ChartSeriesCollection.add");
    let at = -1;
    this.ctx.enqueue({
      request: { add: "ChartSeries", name, index },
      responseSize: () => 0,
      run: () => {
        const c = this.chart.resolve()!;
        const list = (c.series ??= []);
        if (index !== undefined && index !== list.length) throw new FakeNotModelledError("ChartSeriesCollection.add at an index other than the end");
        list.push({ name: name ?? `Series${list.length + 1}`, values: null, xValues: null });
        at = list.length - 1;
      },
    });
    return new FakeChartSeries(this.ctx, this.chart, () => at);
  }
}

class FakeChartSeries extends Strict {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly chart: FakeChartProxy,
    /** Its index, known once the ops before it ran. */
    private readonly index: () => number,
  ) {
    super();
  }
  private target(where: string): { chart: ChartTarget; series: FakeChartSeriesState } {
    const c = this.chart.resolve()!;
    const s = c.series?.[this.index()];
    if (!s) throw itemNotFound(`ChartSeries.${where}`);
    return { chart: c, series: s };
  }
  /** A one-column or one-row range on the chart's own sheet (other sheets are not modelled). */
  private rangeOf(source: FakeRange, where: string): string {
    const r = source.resolve();
    const sheet = this.ctx.host.state.sheets.find((s) => s.charts.includes(this.chart.resolve()!));
    if (!r || r.sheet !== sheet) throw new FakeNotModelledError(`${where} from another sheet`);
    if (r.rect.r0 !== r.rect.r1 && r.rect.c0 !== r.rect.c1) throw invalidArgument(`${where} (one row or one column)`);
    return formatAddress(r.rect);
  }
  /** [ExcelApi 1.7] */
  set chartType(type: string) {
    this.ctx.requireSet("1.7", "ChartSeries.chartType");
    this.ctx.enqueue({
      request: { set: "series.chartType", type },
      responseSize: () => 0,
      run: () => {
        const c = this.chart.resolve()!;
        c.seriesTypes[String(this.index())] = type;
      },
    });
  }
  set name(name: string) {
    this.ctx.enqueue({ request: { set: "series.name", name }, responseSize: () => 0, run: () => void (this.target("name").series.name = name) });
  }
  /** [ExcelApi 1.7] */
  setValues(sourceData: FakeRange): void {
    this.ctx.requireSet("1.7", "ChartSeries.setValues");
    this.ctx.enqueue({ request: { setValues: "ChartSeries" }, responseSize: () => 0, run: () => void (this.target("setValues").series.values = this.rangeOf(sourceData, "ChartSeries.setValues")) });
  }
  /** [ExcelApi 1.7] */
  setXAxisValues(sourceData: FakeRange): void {
    this.ctx.requireSet("1.7", "ChartSeries.setXAxisValues");
    this.ctx.enqueue({
      request: { setXAxisValues: "ChartSeries" },
      responseSize: () => 0,
      run: () => void (this.target("setXAxisValues").series.xValues = this.rangeOf(sourceData, "ChartSeries.setXAxisValues")),
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Settings [ExcelApi 1.4] and functions [ExcelApi 1.2]

class FakeSettingCollection extends Strict {
  constructor(private readonly ctx: FakeRequestContext) {
    super();
  }
  add(key: string, value: unknown): FakeSetting {
    const setting = new FakeSetting(this.ctx, key, false);
    this.ctx.enqueue({
      request: { add: "Setting", key, value },
      responseSize: () => 0,
      run: () => {
        if (!key) throw invalidArgument("SettingCollection.add");
        // A host stores settings as JSON: what cannot round-trip does not survive.
        this.ctx.host.state.settings[key] = JSON.parse(JSON.stringify(value ?? null));
      },
    });
    return setting;
  }
  getItem(key: string): FakeSetting {
    return new FakeSetting(this.ctx, key, false);
  }
  getItemOrNullObject(key: string): FakeSetting {
    const s = new FakeSetting(this.ctx, key, true);
    s.probe();
    return s;
  }
}

class FakeSetting extends FakeObject<{ key: string }> {
  protected loadable = ["key", "value"] as const;
  constructor(ctx: FakeRequestContext, key: string, nullable: boolean) {
    super(ctx, () => (Object.prototype.hasOwnProperty.call(ctx.host.state.settings, key) ? { key } : null), "Setting", nullable);
  }
  probe(): void {
    this.trackNull();
  }
  protected snapshot(t: { key: string }, p: string): unknown {
    return p === "key" ? t.key : this.context.host.state.settings[t.key];
  }
  get value(): unknown {
    return this.read("value");
  }
  get key(): string {
    return this.read("key");
  }
  delete(): void {
    this.action("delete", { delete: "Setting" }, (t) => {
      delete this.context.host.state.settings[t.key];
    });
  }
}

class FakeFunctions extends Strict {
  constructor(private readonly ctx: FakeRequestContext) {
    super();
  }
  /** DATE(y, m, d) in the workbook's date system. */
  date(year: number, month: number, day: number): FakeFunctionResult {
    return new FakeFunctionResult(this.ctx, () => {
      const state = this.ctx.host.state;
      const utc = Date.UTC(year, month - 1, day) / 86_400_000;
      if (state.date1904) return { value: utc - Date.UTC(1904, 0, 1) / 86_400_000 };
      const serial = utc - Date.UTC(1899, 11, 31) / 86_400_000;
      // Lotus 1-2-3's 29 Feb 1900, kept by Excel's 1900 system.
      return { value: serial >= 60 ? serial + 1 : serial };
    });
  }
}

class FakeFunctionResult extends FakeObject<{ value: number }> {
  protected loadable = ["value", "error"] as const;
  constructor(ctx: FakeRequestContext, locate: () => { value: number }) {
    super(ctx, locate, "FunctionResult");
  }
  protected snapshot(t: { value: number }, p: string): unknown {
    return p === "value" ? t.value : null;
  }
  get value(): number {
    return this.read("value");
  }
  get error(): string | null {
    return this.read("error");
  }
}

// ---------------------------------------------------------------------------------------------
// What each fake class stands for (officeTypes.test.ts checks them against @types/office-js)

/** Members the fake uses among its own classes; Office.js has none of them. */
export type FakeInternals = "resolve" | "peek" | "bind" | "probe" | "preload" | "typeName" | "host" | "queue" | "pendingError" | "requireSet" | "enqueue";

export const FAKE_CLASSES = {
  RequestContext: FakeRequestContext,
  Workbook: FakeWorkbook,
  WorksheetCollection: FakeWorksheetCollection,
  Worksheet: FakeWorksheet,
  WorksheetProtection: FakeWorksheetProtection,
  Range: FakeRange,
  RangeFormat: FakeRangeFormat,
  RangeFill: FakeRangeFill,
  RangeFont: FakeRangeFont,
  ConditionalFormatCollection: FakeConditionalFormatCollection,
  ConditionalFormat: FakeConditionalFormatProxy,
  CustomConditionalFormat: FakeCustomConditionalFormat,
  ConditionalFormatRule: FakeConditionalFormatRule,
  ConditionalRangeFormat: FakeConditionalRangeFormat,
  ConditionalRangeFill: FakeConditionalFill,
  ConditionalRangeFont: FakeConditionalFont,
  TableCollection: FakeTableCollection,
  Table: FakeTableProxy,
  ChartCollection: FakeChartCollection,
  Chart: FakeChartProxy,
  ChartTitle: FakeChartTitle,
  ChartSeriesCollection: FakeChartSeriesCollection,
  ChartSeries: FakeChartSeries,
  SettingCollection: FakeSettingCollection,
  Setting: FakeSetting,
  Functions: FakeFunctions,
  FunctionResult: FakeFunctionResult,
} as const;

// ---------------------------------------------------------------------------------------------
// Installing the globals

/** Defines Office, Excel and OfficeExtension on `target` (globalThis in jest, window in a browser). */
export function installFakeOffice(target: object, state: FakeWorkbookState, options: FakeOfficeOptions = {}): FakeOfficeHandle {
  const sets: Record<string, string> =
    typeof options.requirementSets === "string"
      ? { ExcelApi: options.requirementSets }
      : (options.requirementSets ?? { ExcelApi: "1.17" });
  const host = new FakeHost(state, sets, options.payloadLimitBytes ?? DEFAULT_PAYLOAD_LIMIT);
  const info = options.hostInfo ?? {};
  const createdWorkbooks: string[] = [];
  const platform = info.platform ?? "OfficeOnline";

  const Office = strictRecord("Office", {
    HostType: { Excel: "Excel", Word: "Word", PowerPoint: "PowerPoint", Outlook: "Outlook", OneNote: "OneNote" },
    PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac", iOS: "iOS", Android: "Android", Universal: "Universal" },
    onReady(callback?: (info: { host: string; platform: string }) => void) {
      const readyInfo = { host: "Excel", platform };
      callback?.(readyInfo);
      return Promise.resolve(readyInfo);
    },
    context: {
      displayLanguage: info.displayLanguage ?? "sv-SE",
      officeTheme: { bodyBackgroundColor: info.bodyBackgroundColor ?? "#FFFFFF" },
      requirements: { isSetSupported: (name: string, minVersion?: string) => host.isSetSupported(name, minVersion) },
    },
  });

  const Excel = strictRecord("Excel", {
    /** Excel.run(batch), or Excel.run(object, batch) to reuse an earlier context (removing event handlers). */
    async run<T>(
      first: ((context: FakeRequestContext) => Promise<T>) | { context?: FakeRequestContext },
      second?: (context: FakeRequestContext) => Promise<T>,
    ): Promise<T> {
      const batch = typeof first === "function" ? first : second!;
      const given = typeof first === "function" ? undefined : first instanceof FakeRequestContext ? first : first.context;
      const context = given ?? new FakeRequestContext(host);
      const result = await batch(context);
      // Excel.run syncs what the batch left queued.
      if (context.queue.length || context.pendingError) await context.sync();
      return result;
    },
    /** [ExcelApi 1.8] The new workbook is another instance: the fake only keeps what it was given. */
    async createWorkbook(base64?: string): Promise<void> {
      await Promise.resolve();
      if (!host.isSetSupported("ExcelApi", "1.8")) {
        throw new FakeRichApiError("ApiNotFound", "The API you are trying to use could not be found.", "Excel.createWorkbook (ExcelApi 1.8)");
      }
      if (base64 !== undefined && (typeof base64 !== "string" || !/^[A-Za-z0-9+/]*={0,2}$/.test(base64))) throw invalidArgument("Excel.createWorkbook");
      createdWorkbooks.push(base64 ?? "");
    },
    RequestContext: FakeRequestContext,
    ConditionalFormatType: { custom: "Custom", cellValue: "CellValue", colorScale: "ColorScale", dataBar: "DataBar", iconSet: "IconSet" },
    SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
    ChartType: { columnClustered: "ColumnClustered", line: "Line", lineMarkers: "LineMarkers" },
    ChartSeriesBy: { auto: "Auto", columns: "Columns", rows: "Rows" },
    ErrorCodes: {
      accessDenied: "AccessDenied",
      apiNotFound: "ApiNotFound",
      invalidArgument: "InvalidArgument",
      itemNotFound: "ItemNotFound",
      itemAlreadyExists: "ItemAlreadyExists",
      requestPayloadSizeLimitExceeded: "RequestPayloadSizeLimitExceeded",
      responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
    },
  });

  const globals = target as Record<string, unknown>;
  globals.Office = Office;
  globals.Excel = Excel;
  globals.OfficeExtension = { Error: FakeRichApiError };

  return {
    get state() {
      return host.state;
    },
    set state(s: FakeWorkbookState) {
      host.state = s;
    },
    counters: host.counters,
    createdWorkbooks,
    resetCounters() {
      host.counters.syncs = 0;
      host.counters.bytesPerSync.length = 0;
      host.counters.maxBytes = 0;
    },
    get beforeSync() {
      return host.beforeSync;
    },
    set beforeSync(fn: ((n: number) => void) | null) {
      host.beforeSync = fn;
    },
  };
}

export function uninstallFakeOffice(target: object): void {
  const globals = target as Record<string, unknown>;
  delete globals.Office;
  delete globals.Excel;
  delete globals.OfficeExtension;
}
