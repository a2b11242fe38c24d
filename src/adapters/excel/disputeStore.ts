/**
 * Disputes kept in the workbook as custom XML parts [ExcelApi 1.5], one set of parts per writer
 * (a reviewer on a device), in the namespace DISPUTE_NAMESPACE. Why parts and not the others:
 * - document settings are one value per key and fail in practice around 1–2 MB; two reviewers
 *   co-authoring would each write the whole value, the last save winning;
 * - a table on a sheet merges cell by cell in co-authoring but is the user's to sort, filter
 *   and edit, and 10,000 rows × 19 columns is a sheet's worth of writes;
 * - parts travel with the file, any number of them, each one request (≤ 1 MB here, under
 *   Excel on the web's 5 MB). A writer rewrites only its own parts, so two reviewers never
 *   overwrite each other; reading merges all of them, the latest record per key winning.
 *
 * Saving re-reads the parts first, so what another window of the same writer saved meanwhile
 * is merged, not lost; new parts are added before the old ones are deleted, so a failed save
 * leaves the old records in place. A part that cannot be read is reported and never touched.
 *
 * APIs: Workbook.customXmlParts, CustomXmlPartCollection.add/getByNamespace/items,
 * CustomXmlPart.id/getXml/delete [ExcelApi 1.5].
 */
import {
  activeDisputes, DISPUTE_NAMESPACE, loadDisputes, mergeDisputes, PART_BYTES, serializeParts, type Dispute, type LoadedDisputes, type Writer,
} from "../../core";
import { translateOfficeError } from "./excelHostError";
import { SYNC_BUDGET_BYTES } from "./readSheet";

/** Parts read or written per sync: each is at most PART_BYTES, and the sync stays under the budget. */
export const PARTS_PER_SYNC = Math.max(1, Math.floor(SYNC_BUDGET_BYTES / (PART_BYTES * 1.1)));

const LOAD = { sv: "läsa bestridandena i arbetsboken", en: "read the disputes in the workbook" };
const SAVE = { sv: "spara bestridandena i arbetsboken", en: "save the disputes in the workbook" };
const REMOVE = { sv: "ta bort alla bestridanden", en: "remove all disputes" };

async function readParts(context: Excel.RequestContext): Promise<{ id: string; xml: string }[]> {
  const parts = context.workbook.customXmlParts.getByNamespace(DISPUTE_NAMESPACE);
  parts.load("items/id");
  await context.sync();
  const out: { id: string; xml: string }[] = [];
  const { items } = parts;
  for (let i = 0; i < items.length; i += PARTS_PER_SYNC) {
    const batch = items.slice(i, i + PARTS_PER_SYNC).map((p) => ({ id: p.id, xml: p.getXml() }));
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per payload-sized batch, by design
    await context.sync();
    for (const b of batch) out.push({ id: b.id, xml: b.xml.value });
  }
  return out;
}

export async function loadDisputesIn(context: Excel.RequestContext, writerId: string): Promise<LoadedDisputes> {
  try {
    return loadDisputes(await readParts(context), writerId);
  } catch (e) {
    throw translateOfficeError(e, LOAD);
  }
}

/** Adds the parts (PARTS_PER_SYNC a sync) and returns their ids. */
async function addParts(context: Excel.RequestContext, xmls: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < xmls.length; i += PARTS_PER_SYNC) {
    const added = xmls.slice(i, i + PARTS_PER_SYNC).map((xml) => context.workbook.customXmlParts.add(xml).load("id"));
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per payload-sized batch, by design
    await context.sync();
    ids.push(...added.map((p) => p.id));
  }
  return ids;
}

async function deleteParts(context: Excel.RequestContext, ids: readonly string[]): Promise<void> {
  if (!ids.length) return;
  for (const id of ids) context.workbook.customXmlParts.getItem(id).delete();
  await context.sync();
}

const rowText = (r: unknown[]) => JSON.stringify(r);

/**
 * Writes this writer's records (its own list, merged with what its parts hold now) and returns
 * the workbook's disputes as they are after the save, every writer's merged.
 */
export async function saveDisputesIn(context: Excel.RequestContext, writer: Writer, own: readonly Dispute[], ownUnreadable: readonly unknown[][] = []): Promise<LoadedDisputes> {
  try {
    const fresh = loadDisputes(await readParts(context), writer.id);
    const live = (d: Dispute) => fresh.clearedAt === null || d.at > fresh.clearedAt;
    const records = mergeDisputes(fresh.own, own).filter(live);
    const seen = new Set<string>();
    const keep = [...fresh.ownUnreadable, ...ownUnreadable].filter((r) => !seen.has(rowText(r)) && seen.add(rowText(r)));
    const ids = await addParts(context, serializeParts(writer, records, keep, PART_BYTES, fresh.clearedAt));
    await deleteParts(context, fresh.ownPartIds);
    return {
      ...fresh,
      merged: mergeDisputes(fresh.merged, records).filter(live),
      own: records,
      ownUnreadable: keep,
      ownPartIds: ids,
      readPartIds: [...fresh.readPartIds.filter((id) => !fresh.ownPartIds.includes(id)), ...ids],
    };
  } catch (e) {
    throw translateOfficeError(e, SAVE);
  }
}

export type RemoveAllResult = { ok: true; removed: number; loaded: LoadedDisputes } | { ok: false; expected: number };

/**
 * Removes every dispute of every reviewer, only when `confirmedCount` is the number of active
 * disputes the user was shown. A marker part records the time, so that a co-author's window
 * that still holds old records does not bring them back with its next save. Parts that could
 * not be read are kept (and still reported), as are parts holding a record that could not be.
 */
export async function removeAllDisputesIn(context: Excel.RequestContext, writer: Writer, at: string, confirmedCount: number): Promise<RemoveAllResult> {
  try {
    const fresh = loadDisputes(await readParts(context), writer.id);
    const count = activeDisputes(fresh.merged).length;
    if (confirmedCount !== count) return { ok: false, expected: count };
    await addParts(context, serializeParts(writer, [], [], PART_BYTES, at));
    // A part with records that could not be read stays; its readable ones end at the marker.
    await deleteParts(context, fresh.readPartIds.filter((id) => !fresh.partsWithUnreadable.includes(id)));
    const loaded = loadDisputes(await readParts(context), writer.id);
    return { ok: true, removed: count, loaded };
  } catch (e) {
    throw translateOfficeError(e, REMOVE);
  }
}
