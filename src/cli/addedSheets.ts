/**
 * The sheets `--out` adds to the marked copy besides the result sheet: the dispute sheet whenever
 * disputes were applied (stored in the workbook, --disputes, --dispute-errors) and the scenario
 * sheet whenever --compare or --sensitivity is given. Identity numbers as everywhere in the
 * command: masked unless --reveal.
 */
import { disputeSheetSpec, scenarioSheetFromBasis, type AgreementProfile, type FigureBasis, type SheetSpec } from "../core";
import type { CliArgs } from "./args";
import type { CliDisputes } from "./disputes";

export function disputesApplied(args: Pick<CliArgs, "disputes" | "disputeErrors">, disputes: CliDisputes): boolean {
  return args.disputes !== null || args.disputeErrors || disputes.counts.stored > 0;
}

/** What the scenario sheet is made of: the review's basis and the profiles compared, the baseline first. */
export interface ScenarioInput {
  basis: FigureBasis;
  profiles: readonly AgreementProfile[];
}

/**
 * The scenario sheet compares `--compare`'s profiles (the first the baseline), or, with only
 * --sensitivity, shows the reviewed profile alone; its curve is the baseline's, over
 * --sensitivity's range when given, else the sheet's own (core scenarioSheetRange).
 */
export function addedSheets(args: CliArgs, disputes: CliDisputes, scenarios: ScenarioInput | null = null): SheetSpec[] {
  const sheets: SheetSpec[] = [];
  if (disputesApplied(args, disputes)) sheets.push(disputeSheetSpec({ match: disputes.match, lang: args.lang, reveal: args.reveal }));
  if (scenarios && scenarios.profiles.length > 0) {
    sheets.push(scenarioSheetFromBasis(scenarios.basis, scenarios.profiles, args.lang, { reveal: args.reveal, range: args.sensitivity ?? undefined }));
  }
  return sheets;
}
