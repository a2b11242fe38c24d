/**
 * The small basis every report test uses: two municipalities, both care types, two sheets (the
 * second without notice, admission and care-contact columns), one row without a ready date.
 * Days are discharge − ready in calendar days:
 *
 * sheet    row muni        care   ready       discharge   days  month
 * Underlag  2  Halmstad    som    2023-01-10  2023-01-10   0    2023-01
 * Underlag  3  Halmstad    som    2023-01-05  2023-01-09   4    2023-01
 * Underlag  4  Halmstad    som    2023-02-01  2023-02-04   3    2023-02
 * Underlag  5  Kungsbacka  som    2023-01-20  2023-01-26   6    2023-01
 * Underlag  6  Halmstad    psy    2023-03-01  2023-03-04   3    2023-03
 * Underlag  7  Halmstad    psy    2023-04-01  2023-04-11  10    2023-04
 * Underlag  8  Halmstad    som    2023-07-28  2023-08-02   5    2023-08
 * Underlag  9  Kungsbacka  som    2023-06-29  2023-07-01   2    2023-07
 * Underlag 12  Halmstad    som    (none)      2023-01-15   –    (left out; invoices 5 000 kr)
 * Blad2     2  Kungsbacka  psy    2023-05-02  2023-05-02   0    2023-05
 * Blad2     3  Halmstad    psy    2023-06-10  2023-06-12   2    2023-06
 */
import { getPreset } from "../../../src/core/agreements/presets";
import type { AgreementProfile } from "../../../src/core/agreements/profileSchema";
import { matchDisputes } from "../../../src/core/disputes/match";
import type { Dispute } from "../../../src/core/disputes/dispute";
import { buildFigureBasis } from "../../../src/core/figures/figureBasis";
import type { Finding, Stay } from "../../../src/core/model";
import type { ReportInput } from "../../../src/core/reports/reportInput";
import { FIELDS, type Field } from "../../../src/core/sheet/fields";
import { StayKeyIndex } from "../../../src/core/stays/stayKey";
import { dt, stay, tablesOf } from "../figures/stays";

export function reportStays(): Stay[] {
  const s = (row: number, muni: string, care: "somatic" | "psychiatric", ready: string | null, discharge: string, extra: Partial<Stay> = {}, sheet = "Underlag"): Stay => ({
    ...stay({ sheet, row, muni, care, ready, discharge }),
    ...extra,
  });
  return [
    // Notices: r2 23 h after admission, r3 25 h, r4 next day (dates only), r5 no admission date,
    // r6 no notice, r7 exactly 24 h, r8 two days later (dates only), r9 unreadable (a finding).
    s(2, "Halmstad", "somatic", "2023-01-10", "2023-01-10", { admission: dt("2023-01-02 08:00"), admissionNotice: dt("2023-01-03 07:00"), careContact: "Eva", stayId: "V2" }),
    s(3, "Halmstad", "somatic", "2023-01-05", "2023-01-09", { admission: dt("2023-01-01 10:00"), admissionNotice: dt("2023-01-02 11:00"), personIdRaw: "19800101-1234", amount: 21000 }),
    s(4, "Halmstad", "somatic", "2023-02-01", "2023-02-04", { admission: dt("2023-01-30"), admissionNotice: dt("2023-01-31"), careContact: "Ali" }),
    s(5, "Kungsbacka", "somatic", "2023-01-20", "2023-01-26", { admissionNotice: dt("2023-01-10"), careContact: "  ", stayId: "198001011234", amount: 31500 }),
    s(6, "Halmstad", "psychiatric", "2023-03-01", "2023-03-04", { admission: dt("2023-02-20"), careContact: "Bo" }),
    s(7, "Halmstad", "psychiatric", "2023-04-01", "2023-04-11", { admission: dt("2023-03-20 09:00"), admissionNotice: dt("2023-03-21 09:00"), careContact: "Bo", amount: 73500 }),
    s(8, "Halmstad", "somatic", "2023-07-28", "2023-08-02", { admission: dt("2023-07-20"), admissionNotice: dt("2023-07-22"), careContact: "X", amount: 21000 }),
    s(9, "Kungsbacka", "somatic", "2023-06-29", "2023-07-01", { admission: dt("2023-06-20"), careContact: "Y" }),
    s(12, "Halmstad", "somatic", null, "2023-01-15", { amount: 5000 }),
    s(2, "Kungsbacka", "psychiatric", "2023-05-02", "2023-05-02", {}, "Blad2"),
    s(3, "Halmstad", "psychiatric", "2023-06-10", "2023-06-12", {}, "Blad2"),
  ];
}

/** Underlag has every column; Blad2 has none for the notice, the admission date or the care contact. */
export const REPORT_SHEET_FIELDS: ReadonlyMap<string, ReadonlySet<Field>> = new Map([
  ["Underlag", new Set<Field>(FIELDS)],
  ["Blad2", new Set<Field>(FIELDS.filter((f) => f !== "admissionNoticeTime" && f !== "admissionDate" && f !== "careContact"))],
]);

/** Row 9's notice could not be read. */
export const UNREADABLE_NOTICE: Finding = {
  code: "INVALID_VALUE", severity: "warning", sheet: "Underlag", row: 9, columns: ["P"], fields: ["admissionNoticeTime"], message: { sv: "x", en: "x" }, value: "igår",
};

export function reportInput(profile: AgreementProfile = getPreset("lag-2017-612")!, disputes?: (index: StayKeyIndex) => Dispute[]): ReportInput {
  const stays = reportStays();
  const basis = buildFigureBasis(tablesOf(stays), { openStaysUntilDay: null, errorRows: new Set() });
  const keys = StayKeyIndex.of(stays);
  return {
    basis,
    profile,
    keys,
    sheetFields: REPORT_SHEET_FIELDS,
    findings: [UNREADABLE_NOTICE],
    found: disputes ? matchDisputes(disputes(keys), keys).found : undefined,
  };
}
