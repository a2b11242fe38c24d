/** Scenarios: named agreement profiles, compared side by side, with break-even and sensitivity, from the figure basis alone. */
export * from "./scenario";
export * from "./scenarioJson";
export * from "./compare";
export * from "./sensitivity";
export * from "./nationalReference";
export * from "./scenarioSheet";
