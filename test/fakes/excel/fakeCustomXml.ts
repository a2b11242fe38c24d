/**
 * Custom XML parts [ExcelApi 1.5] for the strict fake: workbook.customXmlParts.add/getItem/
 * getItemOrNullObject/getByNamespace, part.id/namespaceUri (loadable), getXml (a ClientResult
 * whose value throws until synced), setXml, delete. Like the rest of the fake, calls are queued
 * and run at sync, and their XML counts toward the payload.
 *
 * The state keeps parts as { id, xml } in FakeWorkbookState.customXmlParts (plain JSON, so a
 * test "saves and reopens" a workbook by deep-copying the state). The namespace is the root
 * element's xmlns, as in Office (a root without one has namespaceUri "").
 */
import type { FakeRequestContext } from "./fakeOffice";
import { FakeRichApiError } from "./fakeOffice";

export interface FakeXmlPart {
  id: string;
  xml: string;
}

const ROOT = /^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<([A-Za-z_][\w.:-]*)([^>]*?)(\/?)>/;

/** The checks Excel makes of a part's XML that the fake can make without a parser: one root element, closed. */
function rootOf(xml: string): { name: string; namespace: string } | null {
  if (typeof xml !== "string") return null;
  const m = ROOT.exec(xml);
  if (!m) return null;
  const name = m[1];
  if (m[3] !== "/" && !new RegExp(`</${name.replace(/[.]/g, "\\.")}\\s*>\\s*$`).test(xml)) return null;
  const ns = /\sxmlns\s*=\s*("([^"]*)"|'([^']*)')/.exec(m[2]);
  return { name, namespace: ns ? (ns[2] ?? ns[3] ?? "") : "" };
}

const notLoaded = (p: string, where: string) =>
  new FakeRichApiError("PropertyNotLoaded", `The property '${p}' is not available. Call load and context.sync() first.`, where);
const invalid = (where: string) => new FakeRichApiError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.", where);
const notFound = (where: string) => new FakeRichApiError("ItemNotFound", "The requested resource doesn't exist.", where);

function partsOf(ctx: FakeRequestContext): FakeXmlPart[] {
  const state = ctx.host.state;
  state.customXmlParts ??= [];
  return state.customXmlParts;
}

export class FakeClientResult<T> {
  private done = false;
  private result: T | undefined;
  set(v: T): void {
    this.result = v;
    this.done = true;
  }
  get value(): T {
    if (!this.done) throw notLoaded("value", "ClientResult.value");
    return this.result as T;
  }
}

export class FakeCustomXmlPart {
  private loaded = new Map<string, unknown>();
  private bound: FakeXmlPart | null | undefined;
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly locate: () => FakeXmlPart | null,
    private readonly nullable = false,
  ) {}

  bind(part: FakeXmlPart): void {
    this.bound = part;
  }
  private resolve(where: string): FakeXmlPart | null {
    if (this.bound === undefined) this.bound = this.locate();
    if (this.bound === null && !this.nullable) throw notFound(where);
    return this.bound;
  }
  private must(where: string): FakeXmlPart {
    const p = this.resolve(where);
    if (!p || !partsOf(this.ctx).includes(p)) throw notFound(where);
    return p;
  }
  preload(part: FakeXmlPart, props: string[]): void {
    this.bound = part;
    this.loaded.set("isNullObject", false);
    for (const p of props) this.loaded.set(p, snapshot(part, p));
  }
  probe(): void {
    this.ctx.enqueue({ request: { probe: "CustomXmlPart" }, responseSize: () => 8, run: () => void this.loaded.set("isNullObject", this.resolve("probe") === null) });
  }

  get isNullObject(): boolean {
    if (!this.loaded.has("isNullObject")) throw notLoaded("isNullObject", "CustomXmlPart.isNullObject");
    return this.loaded.get("isNullObject") as boolean;
  }
  get id(): string {
    if (!this.loaded.has("id")) throw notLoaded("id", "CustomXmlPart.id");
    return this.loaded.get("id") as string;
  }
  get namespaceUri(): string {
    if (!this.loaded.has("namespaceUri")) throw notLoaded("namespaceUri", "CustomXmlPart.namespaceUri");
    return this.loaded.get("namespaceUri") as string;
  }

  load(props?: string | string[]): this {
    const list = props === undefined ? ["id", "namespaceUri"] : (Array.isArray(props) ? props : props.split(",")).map((p) => p.trim());
    for (const p of list) if (p !== "id" && p !== "namespaceUri") this.ctx.pendingError ??= invalid(`CustomXmlPart.load(${p})`);
    this.ctx.enqueue({
      request: { load: "CustomXmlPart", props: list },
      responseSize: () => 80,
      run: () => {
        const part = this.resolve("load");
        this.loaded.set("isNullObject", part === null);
        if (part) for (const p of list) this.loaded.set(p, snapshot(part, p));
      },
    });
    return this;
  }

  getXml(): FakeClientResult<string> {
    const result = new FakeClientResult<string>();
    this.ctx.enqueue({
      request: { getXml: "CustomXmlPart" },
      responseSize: () => {
        const p = this.bound ?? this.locate();
        return p ? JSON.stringify(p.xml).length : 4;
      },
      run: () => result.set(this.must("getXml").xml),
    });
    return result;
  }

  setXml(xml: string): void {
    this.ctx.enqueue({
      request: { setXml: "CustomXmlPart", xml },
      responseSize: () => 0,
      run: () => {
        if (!rootOf(xml)) throw invalid("CustomXmlPart.setXml");
        this.must("setXml").xml = xml;
      },
    });
  }

  delete(): void {
    this.ctx.enqueue({
      request: { delete: "CustomXmlPart" },
      responseSize: () => 0,
      run: () => {
        const p = this.must("delete");
        const list = partsOf(this.ctx);
        list.splice(list.indexOf(p), 1);
      },
    });
  }
}

function snapshot(part: FakeXmlPart, p: string): unknown {
  return p === "id" ? part.id : (rootOf(part.xml)?.namespace ?? "");
}

/** Workbook.customXmlParts and the collection getByNamespace returns. */
export class FakeCustomXmlPartCollection {
  private itemsLoaded: FakeCustomXmlPart[] | null = null;
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly namespace: string | null = null,
  ) {
    ctx.requireSet("1.5", "Workbook.customXmlParts");
  }

  private scope(): FakeXmlPart[] {
    const all = partsOf(this.ctx);
    return this.namespace === null ? all : all.filter((p) => rootOf(p.xml)?.namespace === this.namespace);
  }

  get items(): FakeCustomXmlPart[] {
    if (!this.itemsLoaded) throw notLoaded("items", "CustomXmlPartCollection.items");
    return this.itemsLoaded;
  }

  load(props?: string | string[]): this {
    const list = (props === undefined ? ["id"] : Array.isArray(props) ? props : props.split(",")).map((p) => p.trim().replace(/^items\//, ""));
    this.ctx.enqueue({
      request: { load: "CustomXmlPartCollection", props: list },
      responseSize: () => this.scope().length * 80,
      run: () => {
        this.itemsLoaded = this.scope().map((part) => {
          const proxy = new FakeCustomXmlPart(this.ctx, () => part);
          proxy.preload(part, list.filter((p) => p === "id" || p === "namespaceUri"));
          return proxy;
        });
      },
    });
    return this;
  }

  add(xml: string): FakeCustomXmlPart {
    if (this.namespace !== null) throw invalid("CustomXmlPartScopedCollection.add");
    const proxy = new FakeCustomXmlPart(this.ctx, () => null);
    this.ctx.enqueue({
      request: { add: "CustomXmlPart", xml },
      responseSize: () => 60,
      run: () => {
        if (!rootOf(xml)) throw invalid("CustomXmlPartCollection.add");
        let id = this.ctx.host.newId();
        while (partsOf(this.ctx).some((p) => p.id === id)) id = this.ctx.host.newId(); // two fake hosts may share one state
        const part = { id, xml };
        partsOf(this.ctx).push(part);
        proxy.bind(part);
      },
    });
    return proxy;
  }

  getByNamespace(namespaceUri: string): FakeCustomXmlPartCollection {
    return new FakeCustomXmlPartCollection(this.ctx, namespaceUri);
  }

  getItem(id: string): FakeCustomXmlPart {
    return new FakeCustomXmlPart(this.ctx, () => this.scope().find((p) => p.id === id) ?? null);
  }

  getItemOrNullObject(id: string): FakeCustomXmlPart {
    const proxy = new FakeCustomXmlPart(this.ctx, () => this.scope().find((p) => p.id === id) ?? null, true);
    proxy.probe();
    return proxy;
  }
}
