import { describeRules } from "../../../src/core/agreements/describeRules";
import { getPreset } from "../../../src/core/agreements/presets";

describe("describeRules", () => {
  it("names the formula, zero days, period, counting and price of a rule, in both languages", () => {
    const kalmar = getPreset("kalmar-2019")!;
    expect(describeRules(kalmar.psychiatric)).toEqual({
      sv: "per vistelse, 3 karensdagar, period kvartal, kalenderdagar, pris: Socialstyrelsens belopp per år",
      en: "per stay, 3 grace days, period quarter, calendar days, price: Socialstyrelsen's amount per year",
    });
    const halland = getPreset("halland-2022")!;
    expect(describeRules(halland.somatic).sv).toBe(
      "snitt, riktmärke 2,3, över riktmärket betalas (snitt − riktmärke) × vistelser, 0-dagar ingår, period månad, kalenderdagar, pris: Socialstyrelsens belopp per år",
    );
  });

  it("shows a fixed price with plain thousands spaces and a rolling period's length", () => {
    const rules = { ...getPreset("halland-2022")!.somatic, price: { source: "fixed" as const, amount: 10500 }, period: { kind: "rolling" as const, months: 3 }, zeroDays: false };
    expect(describeRules(rules).sv).toBe(
      "snitt, riktmärke 2,3, över riktmärket betalas (snitt − riktmärke) × vistelser, 0-dagar ingår inte, period rullande, månader: 3, kalenderdagar, pris: fast 10 500 kr",
    );
    expect(describeRules(rules).en).toContain("0-day stays excluded, period rolling, months: 3, calendar days, price: fixed 10,500 SEK");
  });
});
