/**
 * The sheets `--out` adds to the marked copy besides the result sheet: the dispute sheet whenever
 * disputes were applied (stored in the workbook, --disputes, --dispute-errors) and, once the
 * scenario options are given, the scenario sheet. Identity numbers as everywhere in the command:
 * masked unless --reveal.
 */
import { disputeSheetSpec, type SheetSpec } from "../core";
import type { CliArgs } from "./args";
import type { CliDisputes } from "./disputes";

export function disputesApplied(args: Pick<CliArgs, "disputes" | "disputeErrors">, disputes: CliDisputes): boolean {
  return args.disputes !== null || args.disputeErrors || disputes.counts.stored > 0;
}

export function addedSheets(args: CliArgs, disputes: CliDisputes): SheetSpec[] {
  const sheets: SheetSpec[] = [];
  if (disputesApplied(args, disputes)) sheets.push(disputeSheetSpec({ match: disputes.match, lang: args.lang, reveal: args.reveal }));
  return sheets;
}
