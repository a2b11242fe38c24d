/**
 * The core's schema problems ("somatic.rounding.averageDecimals: Too big: expected number to be
 * <=6") as the sentence shown at the field: the path is the field itself, so it is dropped, and
 * the schema's common wordings are said in the pane's language. Anything else is shown as it is.
 */
import type { Lang } from "../i18n";
import { SCENARIO_TEXTS } from "./scenarioTexts";

export function explainProblem(problem: string, lang: Lang): string {
  const x = SCENARIO_TEXTS[lang];
  const message = problem.replace(/^[\w.]+: /, "");
  let m: RegExpExecArray | null;
  if ((m = /^Too big: expected number to be <=(-?[\d.]+)$/.exec(message))) return x.tooBig(localNumber(m[1]!, lang));
  if ((m = /^Too small: expected number to be >=(-?[\d.]+)$/.exec(message))) return x.tooSmall(localNumber(m[1]!, lang));
  if ((m = /^Too small: expected number to be >(-?[\d.]+)$/.exec(message))) return x.mustBeAbove(localNumber(m[1]!, lang));
  if (message === "a hybrid rule needs longStayLimit") return x.hybridNeedsLimit;
  return message;
}

export function explainProblems(problems: readonly string[], lang: Lang): string[] {
  return problems.map((p) => explainProblem(p, lang));
}

function localNumber(text: string, lang: Lang): string {
  return lang === "sv" ? text.replace(".", ",") : text;
}
