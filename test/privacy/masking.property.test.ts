/**
 * Identity numbers planted in any form, in the identity column and in other columns' text,
 * must be unreadable in every output of a review unless the user reveals them, and readable
 * where a message quotes them when revealed: the command's summary (sv, en) and --json, the
 * findings' messages and the figures as the pane shows them.
 */
import fc from "fast-check";
import { toJsonReport } from "../../src/cli/formatJson";
import { formatSummary } from "../../src/cli/formatSummary";
import { privacyFilter } from "../../src/cli/privacy";
import { getPreset } from "../../src/core/agreements/presets";
import type { AgreementProfile } from "../../src/core/agreements/profileSchema";
import { maskIdsInText, privateText } from "../../src/core/cells/mask";
import { epochDay } from "../../src/core/cells/localDate";
import type { ReviewResult } from "../../src/core/review/result";
import { reviewWorkbook } from "../../src/core/review/reviewWorkbook";
import { findingText } from "../../src/taskpane/paneModel";
import { idForm, idParts, PLACES, QUOTED_PLACES, sheetWith, unmaskedIn, type IdForm, type Place } from "./idForms";

const law = getPreset("lag-2017-612") as AgreementProfile;
const today = epochDay(2023, 11, 15);

/** Every text a user can be shown for this result, masked or revealed. */
function outputs(result: ReviewResult, reveal: boolean): Record<string, string> {
  const privacy = privacyFilter(reveal);
  const out: Record<string, string> = {};
  for (const lang of ["sv", "en"] as const) {
    out[`summary ${lang}`] = formatSummary(result, { file: "x.xlsx", usingSample: false, lang, privacy, revealed: reveal, today: "2023-11-15", limit: 0, markedCopy: null });
    out[`json ${lang}`] = JSON.stringify(
      toJsonReport(result, { file: "x.xlsx", lang, privacy, today: "2023-11-15", period: null, benchmarkOverride: null, markedCopy: null }),
    );
    // What the pane renders: each finding's message, the group names, the assumptions.
    out[`pane ${lang}`] = [
      ...result.findings.map((f) => findingText(f, lang, reveal)),
      ...result.figures.groups.map((g) => privateText(g.municipality, false)),
      ...result.assumptions.map((a) => privateText(a[lang], false)),
    ].join("\n");
  }
  return out;
}

const plant = fc.record({ parts: idParts, place: fc.constantFrom<Place>(...PLACES) });

describe("identity numbers in every output", () => {
  test("masked unless revealed, whatever their form and column; shown where quoted when revealed (property)", () => {
    fc.assert(
      fc.property(fc.array(plant, { minLength: 1, maxLength: 4 }), (plants) => {
        const planted = plants.map((p) => ({ form: idForm(p.parts), place: p.place }));
        const forms = planted.map((p) => p.form);
        const result = reviewWorkbook({ sheets: [sheetWith(planted)], dateSystem: "1900" }, { profile: law, referenceDay: today });

        for (const [name, text] of Object.entries(outputs(result, false))) {
          expect({ output: name, unmasked: unmaskedIn(text, forms) }).toEqual({ output: name, unmasked: [] });
        }
        const revealed = outputs(result, true);
        for (const { form, place } of planted) {
          const quoted = QUOTED_PLACES.has(place) || (place === "personId" && !validCheckDigit(form));
          if (!quoted) continue;
          for (const name of ["summary sv", "summary en", "json sv", "json en"]) {
            const text = name.startsWith("json") ? JSON.parse(revealed[name]).findings.map((f: { message: string }) => f.message).join("\n") : revealed[name];
            expect({ output: name, place, shown: text.includes(form.text) }).toEqual({ output: name, place, shown: true });
          }
          expect(revealed["pane en"].includes(form.text)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  test("the free-text mask alone catches every form (property)", () => {
    fc.assert(
      fc.property(idParts, fc.constantFrom("", "Halmstad ", "avd. ", "(", "VT"), fc.constantFrom("", " kl 12", ")", ", rad 5"), (parts, before, after) => {
        const form = idForm(parts);
        const text = `${before}${form.text}${after}`;
        expect(unmaskedIn(maskIdsInText(text), [form])).toEqual([]);
        // The birth date stays readable: it tells rows apart when checking.
        expect(maskIdsInText(text)).toContain(form.text.slice(0, form.text.length - 4));
      }),
      { numRuns: 2000 },
    );
  });

  test("dates, date ranges, amounts and row numbers in messages are left alone", () => {
    for (const text of ["2023-10-05 – 2023-10-31", "20231005 – 20231031", "10 500 kr", "1 048 576 rader", "rad 1234567", "45200.5", "2023-10-05 14:22"]) {
      expect(maskIdsInText(text)).toBe(text);
    }
  });
});

/** Whether a planted form's check digit is right (then no finding quotes it). */
function validCheckDigit(form: IdForm): boolean {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let v = Number(form.ten[i]) * (i % 2 === 0 ? 2 : 1);
    if (v > 9) v -= 9;
    sum += v;
  }
  return (10 - (sum % 10)) % 10 === Number(form.ten[9]);
}
