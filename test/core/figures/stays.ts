/** Test builders: stays from short text dates. */
import { epochDay, type LocalDateTime } from "../../../src/core/cells/localDate";
import type { CareType, Stay } from "../../../src/core/model";
import { tableFromStays, type StayTable } from "../../../src/core/sheet/stayTable";

/** Stays as the reader's tables: one per sheet, each in the given order. */
export function tablesOf(stays: readonly Stay[]): StayTable[] {
  const bySheet = new Map<string, Stay[]>();
  for (const s of stays) {
    const list = bySheet.get(s.sheet);
    if (list) list.push(s);
    else bySheet.set(s.sheet, [s]);
  }
  return [...bySheet].map(([sheet, list]) => tableFromStays(sheet, list));
}

/** "2023-03-05" or "2023-03-05 14:22". */
export function dt(text: string | null | undefined): LocalDateTime | null {
  if (!text) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}))?$/.exec(text);
  if (!m) throw new Error(`bad test date ${text}`);
  return {
    day: epochDay(+m[1], +m[2], +m[3]),
    minute: m[4] === undefined ? null : +m[4] * 60 + +m[5],
  };
}

export interface StaySpec {
  sheet?: string;
  row: number;
  muni?: string | null;
  care?: CareType | null;
  ready: string | null;
  discharge: string | null;
  withdrawn?: string;
  newReady?: string;
  statedDays?: number;
  billedDays?: number;
  amount?: number;
}

export function stay(s: StaySpec): Stay {
  return {
    sheet: s.sheet ?? "Underlag",
    row: s.row,
    personId: null,
    personIdRaw: null,
    stayId: null,
    municipality: s.muni === undefined ? "Halmstad" : s.muni,
    residenceMunicipality: null,
    careType: s.care === undefined ? "somatic" : s.care,
    careTypeRaw: null,
    unit: null,
    dischargeCause: null,
    admission: null,
    ready: dt(s.ready),
    discharge: dt(s.discharge),
    death: null,
    admissionNotice: null,
    planningNeeded: null,
    sipInvitation: null,
    careContact: null,
    readyWithdrawn: dt(s.withdrawn),
    newReady: dt(s.newReady),
    statedDays: s.statedDays ?? null,
    billedDays: s.billedDays ?? null,
    pricePerDay: null,
    amount: s.amount ?? null,
  };
}

/** Stays of `days` discharge-ready days each, discharged on `discharge` (calendar count). */
export function staysWithDays(days: number[], discharge: string, opts: Partial<StaySpec> & { firstRow?: number } = {}): Stay[] {
  const end = dt(discharge)!.day;
  return days.map((d, k) => {
    const s = stay({ ...opts, row: (opts.firstRow ?? 2) + k, ready: null, discharge });
    s.ready = { day: end - d, minute: null };
    return s;
  });
}

/** Deterministic shuffle (for order-independence tests). */
export function shuffled<T>(items: T[], seed = 7): T[] {
  const out = [...items];
  let a = seed;
  for (let i = out.length - 1; i > 0; i--) {
    a = (a * 1103515245 + 12345) % 2147483648;
    const j = a % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
