import type { ColumnMapping, Finding } from "../../src/core/model";
import type { SheetSummary } from "../../src/core/review/result";
import {
  cellRef,
  codeCounts,
  columnsToRead,
  filterFindings,
  headerOptions,
  maskPersonId,
  monthPeriod,
  parseBenchmark,
  usesBenchmark,
  pageOf,
  personIdOnRow,
  todayEpochDay,
} from "../../src/taskpane/paneModel";
import { describeError, isCancellation } from "../../src/taskpane/errors";
import { TEXTS, pickLanguage } from "../../src/taskpane/i18n";

const map = (field: ColumnMapping["field"], column: number, letter: string, header: string): ColumnMapping => ({
  field,
  column,
  letter,
  header,
  confidence: 1,
  how: "exact",
});

const finding = (over: Partial<Finding>): Finding => ({
  code: "DAYS_MISMATCH",
  severity: "warning",
  sheet: "Underlag",
  row: 5,
  columns: ["F"],
  fields: ["statedDays"],
  message: { sv: "s", en: "e" },
  ...over,
});

describe("columns and headers", () => {
  it("reads the mapped columns plus the first used column, once each, in order", () => {
    expect(columnsToRead([map("readyDate", 4, "E", "Utskrivningsklar"), map("personId", 1, "B", "Pnr"), map("amount", 4, "E", "x")], 1)).toEqual([1, 4]);
    expect(columnsToRead([map("readyDate", 4, "E", "U")], 0)).toEqual([0, 4]);
  });

  it("offers every header cell, mapped or not, by column", () => {
    expect(
      headerOptions([map("personId", 2, "C", "Pnr")], [
        { column: 0, letter: "A", header: "Notering" },
        { column: 2, letter: "C", header: "dup" },
      ]),
    ).toEqual([
      { column: 0, letter: "A", header: "Notering" },
      { column: 2, letter: "C", header: "Pnr" },
    ]);
  });
});

describe("identity numbers", () => {
  it("masks the last four characters and keeps separators (the core's masking)", () => {
    expect(maskPersonId("19121212-1212")).toBe("19121212-****");
    expect(maskPersonId("121212-1212")).toBe("121212-****");
    expect(maskPersonId("1212121212")).toBe("121212****");
    expect(maskPersonId(" 19121212+1212 ")).toBe("19121212+****");
  });

  it("hides short or odd text entirely", () => {
    expect(maskPersonId("RES-12")).toBe("******");
    expect(maskPersonId("12")).toBe("**");
  });

  it("finds the identity number on a finding's row in the grid read (origin offsets honoured)", () => {
    const grids = new Map([["Underlag", { name: "Underlag", originRow: 3, originColumn: 1, values: [["Pnr", "x"], ["19121212-1212", 1], ["", 2]] }]]);
    const sheets = [{ name: "Underlag", mapping: [map("personId", 1, "B", "Pnr")] } as SheetSummary];
    expect(personIdOnRow({ sheet: "Underlag", row: 4 }, grids, sheets)).toBe("19121212-1212");
    expect(personIdOnRow({ sheet: "Underlag", row: 5 }, grids, sheets)).toBeNull();
    expect(personIdOnRow({ sheet: "Underlag", row: null }, grids, sheets)).toBeNull();
    expect(personIdOnRow({ sheet: "Other", row: 4 }, grids, sheets)).toBeNull();
  });
});

describe("filtering and paging", () => {
  const list = [finding({ row: 1 }), finding({ row: 2, code: "DUPLICATE_STAY", severity: "error" }), finding({ row: 3, severity: "info" })];

  it("filters by code and by severity", () => {
    expect(filterFindings(list, { code: "all", severity: "all" })).toHaveLength(3);
    expect(filterFindings(list, { code: "DAYS_MISMATCH", severity: "all" }).map((f) => f.row)).toEqual([1, 3]);
    expect(filterFindings(list, { code: "DAYS_MISMATCH", severity: "info" }).map((f) => f.row)).toEqual([3]);
    expect(filterFindings(list, { code: "all", severity: "error" }).map((f) => f.row)).toEqual([2]);
  });

  it("pages 120 items by 50 as 50 + 50 + 20 and clamps the page", () => {
    const items = Array.from({ length: 120 }, (_, i) => i);
    expect(pageOf(items, 1).items).toHaveLength(50);
    expect(pageOf(items, 3)).toMatchObject({ page: 3, pages: 3 });
    expect(pageOf(items, 3).items).toEqual(items.slice(100));
    expect(pageOf(items, 9).page).toBe(3);
    expect(pageOf([], 1)).toEqual({ items: [], page: 1, pages: 1 });
  });

  it("orders code counts most frequent first and drops zero counts", () => {
    expect(codeCounts({ DAYS_MISMATCH: 2, DUPLICATE_STAY: 5, LONG_STAY: 0, DECEASED: 2 })).toEqual([
      { code: "DUPLICATE_STAY", count: 5 },
      { code: "DAYS_MISMATCH", count: 2 },
      { code: "DECEASED", count: 2 },
    ]);
  });

  it("refers to the main cell", () => {
    expect(cellRef(finding({ row: 12, columns: ["G", "H"] }))).toBe("G12");
    expect(cellRef(finding({ row: null }))).toBe("");
  });
});

describe("environment", () => {
  it("speaks English only when Office's language starts with en", () => {
    expect(pickLanguage("en-US")).toBe("en");
    expect(pickLanguage("EN-gb")).toBe("en");
    expect(pickLanguage("sv-SE")).toBe("sv");
    expect(pickLanguage("de-DE")).toBe("sv");
    expect(pickLanguage(undefined)).toBe("sv");
  });

  it("computes today as an epoch day in local calendar terms", () => {
    // 2024-03-01 is 19783 days after 1970-01-01 (54 years incl. 13 leap days: 54*365+13 = 19723, + Jan 31 + Feb 29 = 19783).
    expect(todayEpochDay(new Date(2024, 2, 1, 23, 30))).toBe(19783);
  });
});

describe("error messages", () => {
  const t = TEXTS.sv;
  it("uses an error's own bilingual text", () => {
    const e = Object.assign(new Error("x"), { code: "NO_INVOICE_SHEET", bilingual: { sv: "Hittade inget", en: "None found" } });
    expect(describeError(e, TEXTS.en, "en")).toMatchObject({ message: "None found" });
  });
  it("explains protected and changed sheets", () => {
    expect(describeError({ code: "SheetProtected" }, t, "sv").message).toBe(t.errorProtected);
    expect(describeError({ code: "SHEET_CHANGED" }, t, "sv").message).toBe(t.errorSheetChanged);
  });
  it("falls back to a generic message carrying the detail", () => {
    expect(describeError(new Error("boom"), t, "sv")).toEqual({ title: t.errorTitle, message: t.errorUnknown, detail: "boom" });
  });
  it("recognises a cancellation", () => {
    expect(isCancellation(Object.assign(new Error("a"), { name: "AbortError" }))).toBe(true);
    expect(isCancellation(new Error("a"))).toBe(false);
  });
});

describe("agreement inputs", () => {
  it("reads a benchmark with a decimal comma or point", () => {
    expect(parseBenchmark("2,3")).toBe(2.3);
    expect(parseBenchmark(" 3 ")).toBe(3);
    expect(parseBenchmark("")).toBeNull();
    expect(parseBenchmark("-1")).toBeNaN();
    expect(parseBenchmark("två")).toBeNaN();
  });

  it("turns a month into the invoiced period, leap years included", () => {
    // 2024-02-01 = 19783 − 29 = 19754; 2024-02-29 = 19782 (the day before 2024-03-01 = 19783).
    expect(monthPeriod("2024-02")).toEqual({ fromDay: 19754, toDay: 19782 });
    // December rolls into the next year: 2023-12-01 = 19692, 2023-12-31 = 19722 (2024-01-01 = 19723).
    expect(monthPeriod("2023-12")).toEqual({ fromDay: 19692, toDay: 19722 });
    expect(monthPeriod("")).toBeNull();
    expect(monthPeriod("2023-13")).toBeNull();
  });

  it("asks for a benchmark only where average or hybrid billing uses one", () => {
    expect(usesBenchmark({ somatic: { kind: "individual" }, psychiatric: { kind: "individual" } })).toBe(false);
    expect(usesBenchmark({ somatic: { kind: "average" }, psychiatric: { kind: "individual" } })).toBe(true);
  });
});
