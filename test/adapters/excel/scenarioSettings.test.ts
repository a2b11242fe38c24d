/** The scenarios in document settings (the strict fake persists settings as a host would). */
import { createExcelHost } from "../../../src/adapters/excel";
import { SCENARIOS_KEY, SETTINGS_KEY } from "../../../src/adapters/excel/settings";
import { SCENARIO_STORAGE_LIMIT } from "../../../src/core";
import { installFakeOffice, uninstallFakeOffice } from "../../fakes/excel/fakeOffice";
import { makeSheet, makeWorkbook } from "../../fakes/excel/state";

/* eslint-disable @typescript-eslint/no-explicit-any */
const g = globalThis as any;
afterEach(() => uninstallFakeOffice(g));

test("stored under their own key beside the mapping corrections, and read back as stored", async () => {
  const handle = installFakeOffice(g, makeWorkbook([makeSheet("Underlag", [])], { settings: { [SETTINGS_KEY]: "{}" } }));
  const host = createExcelHost();
  expect(await host.loadScenarios()).toBeNull();
  await host.saveScenarios('{"format":"utskrivningsklar-scenarios","schemaVersion":1,"scenarios":[]}');
  expect(Object.keys(handle.state.settings).sort()).toEqual([SCENARIOS_KEY, SETTINGS_KEY].sort());
  expect(await createExcelHost().loadScenarios()).toBe('{"format":"utskrivningsklar-scenarios","schemaVersion":1,"scenarios":[]}');
});

test("text over the limit is refused with a clear message and what was stored is kept", async () => {
  const handle = installFakeOffice(g, makeWorkbook([makeSheet("Underlag", [])], { settings: { [SCENARIOS_KEY]: "earlier" } }));
  const host = createExcelHost();
  const tooLarge = "x".repeat(SCENARIO_STORAGE_LIMIT + 1);
  await expect(host.saveScenarios(tooLarge)).rejects.toMatchObject({
    code: "PAYLOAD_TOO_LARGE",
    // 1 000 001 characters round up to 1 001 kB, over the 1 000 kB limit.
    bilingual: { en: expect.stringContaining("1001 KB, more than the 1000 KB"), sv: expect.stringContaining("det som redan är sparat ligger kvar") },
  });
  expect(handle.state.settings[SCENARIOS_KEY]).toBe("earlier");
  // Exactly at the limit is stored.
  await host.saveScenarios("y".repeat(SCENARIO_STORAGE_LIMIT));
  expect((handle.state.settings[SCENARIOS_KEY] as string).length).toBe(SCENARIO_STORAGE_LIMIT);
});

test("a stored value that is not text is handed on as JSON for the pane to report, not dropped", async () => {
  installFakeOffice(g, makeWorkbook([makeSheet("Underlag", [])], { settings: { [SCENARIOS_KEY]: { scenarios: 3 } } }));
  expect(await createExcelHost().loadScenarios()).toBe('{"scenarios":3}');
});
