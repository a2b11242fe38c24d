import { hostLook, isDarkColor, startOffice, type OfficeStart } from "../../../src/adapters/excel/officeEnv";
import { installFakeOffice, uninstallFakeOffice } from "../../fakes/excel/fakeOffice";
import { makeSheet, makeWorkbook } from "../../fakes/excel/state";

/* eslint-disable @typescript-eslint/no-explicit-any */
const g = globalThis as any;
afterEach(() => uninstallFakeOffice(g));

/** startOffice reports once; the fake's onReady answers at once, a real one later. */
function started(): Promise<OfficeStart> {
  return new Promise((resolve) => startOffice(resolve));
}

describe("the host's look", () => {
  it("treats a dark Office background as dark", () => {
    expect(isDarkColor("#262626")).toBe(true);
    expect(isDarkColor("#FFFFFF")).toBe(false);
    expect(isDarkColor("#E6E6E6")).toBe(false);
    expect(isDarkColor("garbage")).toBe(false);
    expect(hostLook({ displayLanguage: "en-US", officeTheme: { bodyBackgroundColor: "#1f1f1f" } })).toEqual({ displayLanguage: "en-US", dark: true });
    expect(hostLook(undefined)).toEqual({ displayLanguage: undefined, dark: false });
  });

  it("survives a host whose officeTheme throws", () => {
    const context = {
      displayLanguage: "sv-SE",
      get officeTheme(): never {
        throw new Error("not supported on this platform");
      },
    };
    expect(hostLook(context)).toEqual({ displayLanguage: "sv-SE", dark: false });
  });
});

describe("starting Office", () => {
  it("says so when there is no Office at all", async () => {
    expect(await started()).toEqual({ kind: "no-office" });
  });

  it("gives the look and a host when Excel has the requirement set", async () => {
    installFakeOffice(g, makeWorkbook([makeSheet("Blad1", [["a"]])]), { hostInfo: { displayLanguage: "en-GB", bodyBackgroundColor: "#202020" } });
    const start = await started();
    expect(start.kind).toBe("ready");
    if (start.kind !== "ready") return;
    expect(start.look).toEqual({ displayLanguage: "en-GB", dark: true });
    expect(start.createHost().checkRequirements().fullySupported).toBe(true);
  });

  it("names the missing requirement set", async () => {
    installFakeOffice(g, makeWorkbook([]), { requirementSets: "1.5" });
    expect(await started()).toMatchObject({ kind: "requirement-missing", set: "ExcelApi", version: "1.6" });
  });

  it("refuses another Office application", async () => {
    g.Office = {
      HostType: { Excel: "Excel", Word: "Word" },
      context: { displayLanguage: "sv-SE" },
      onReady(callback: (info: { host: string }) => void) {
        callback({ host: "Word" });
        return Promise.resolve({ host: "Word" });
      },
    };
    expect(await started()).toMatchObject({ kind: "not-excel", look: { displayLanguage: "sv-SE", dark: false } });
  });

  it("falls back to no Office when onReady rejects", async () => {
    g.Office = { onReady: () => Promise.reject(new Error("office.js failed")) };
    expect(await started()).toEqual({ kind: "no-office" });
  });
});
