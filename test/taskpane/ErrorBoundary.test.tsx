/** @jest-environment jsdom */
import { render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { ErrorBoundary } from "../../src/taskpane/shared/ErrorBoundary";
import { TEXTS } from "../../src/taskpane/i18n";

function Broken(): never {
  throw new Error("render failed");
}

describe("ErrorBoundary", () => {
  it("shows an alert with the error instead of a blank pane", () => {
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    render(
      <FluentProvider theme={webLightTheme}>
        <ErrorBoundary texts={TEXTS.en}>
          <Broken />
        </ErrorBoundary>
      </FluentProvider>,
    );
    spy.mockRestore();
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain(TEXTS.en.errorTitle);
    expect(alert.textContent).toContain("render failed");
  });

  it("renders its children when nothing fails", () => {
    render(
      <ErrorBoundary texts={TEXTS.sv}>
        <p>innehåll</p>
      </ErrorBoundary>,
    );
    expect(screen.getByText("innehåll")).toBeTruthy();
    expect(screen.queryByRole("alert")).toBeNull();
  });
});
