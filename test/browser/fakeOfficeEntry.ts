/**
 * The browser tests' stand-in for office.js: installs the strict fake Office/Excel globals over
 * the workbook state the test put in window.__FAKE_WORKBOOK__, and exposes the handle so the
 * test can read what the pane did (e.g. the selection).
 */
import { installFakeOffice, type FakeOfficeHandle, type FakeOfficeOptions } from "../fakes/excel/fakeOffice";
import type { FakeWorkbookState } from "../fakes/excel/state";

const w = window as unknown as {
  __FAKE_WORKBOOK__: FakeWorkbookState;
  __FAKE_OPTIONS__?: FakeOfficeOptions;
  __FAKE_HOST__?: FakeOfficeHandle;
};

w.__FAKE_HOST__ = installFakeOffice(window as unknown as Record<string, unknown>, w.__FAKE_WORKBOOK__, w.__FAKE_OPTIONS__ ?? {});
