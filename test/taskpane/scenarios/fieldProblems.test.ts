/** The schema's problems said at the field, in the pane's language. */
import { getPreset, createScenario } from "../../../src/core";
import { explainProblem } from "../../../src/taskpane/scenarios/fieldProblems";

const halland = getPreset("halland-2022")!;
/** The problems the core's schema gives for one change to the somatic rules. */
const problemsOf = (somatic: object) => {
  const r = createScenario(halland, "x", { sv: "x", en: "x" }, { somatic: somatic as never });
  return r.ok ? [] : r.problems;
};

it("names the limit the schema holds, in Swedish and English", () => {
  const [tooMany] = problemsOf({ rounding: { averageDecimals: 9 } });
  expect(explainProblem(tooMany!, "sv")).toBe("Högst 6.");
  expect(explainProblem(tooMany!, "en")).toBe("At most 6.");
  const [tooFew] = problemsOf({ period: { kind: "rolling", months: 1 } });
  expect(explainProblem(tooFew!, "sv")).toBe("Minst 2.");
  const [zero] = problemsOf({ price: { source: "fixed", amount: 0 } });
  expect(explainProblem(zero!, "en")).toBe("Must be above 0.");
  const [hybrid] = problemsOf({ kind: "hybrid", longStayLimit: null });
  expect(explainProblem(hybrid!, "sv")).toBe("En hybridmodell behöver en gräns för långa vistelser.");
});

it("shows any other problem as the core wrote it, without its path", () => {
  expect(explainProblem("somatic.kind: Invalid option", "sv")).toBe("Invalid option");
});
