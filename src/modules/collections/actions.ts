"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db";
import { formValues, invalidInput, runMutation, type ActionResult } from "@/lib/action-result";
import { requireActor } from "@/modules/access/actor";
import {
  addTalentsInput,
  bulkRequestInput,
  collectionDetailsInput,
  collectionIdInput,
  itemInput,
  moveInput,
  noteInput,
  reorderInput,
} from "./inputs";
import {
  addTalents,
  createCollection,
  deleteCollection,
  moveTalent,
  removeTalent,
  reorderTalents,
  revokeShare,
  sendBulkContactRequests,
  setNote,
  shareCollection,
  updateCollection,
  type AddTalentsResult,
  type BulkRequestOutcome,
} from "./mutations";

const refresh = () => revalidatePath("/", "layout");

/** Runs a mutation on one validated input, refreshing the pages on success. */
async function run<S extends z.ZodType, T>(
  schema: S,
  raw: unknown,
  mutation: (input: z.output<S>) => Promise<T>,
): Promise<ActionResult<T>> {
  const input = schema.safeParse(raw);
  if (!input.success) return invalidInput(input.error);
  return runMutation(() => mutation(input.data), { onSuccess: refresh });
}

export async function createCollectionAction(
  _previous: ActionResult<string> | null,
  form: FormData,
): Promise<ActionResult<string>> {
  const actor = await requireActor();
  const values = formValues(form);
  const input = collectionDetailsInput.safeParse(values);
  if (!input.success) return invalidInput(input.error, values);
  const result = await runMutation(() => createCollection(getDb(), actor, input.data), { values });
  if (!result.ok) return result;
  refresh();
  redirect(`/collections/${result.data}`);
}

export async function updateCollectionAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const actor = await requireActor();
  const values = formValues(form);
  const id = collectionIdInput.safeParse(values.collectionId);
  const input = collectionDetailsInput.safeParse(values);
  if (!id.success) return invalidInput(id.error, values);
  if (!input.success) return invalidInput(input.error, values);
  return runMutation(() => updateCollection(getDb(), actor, id.data, input.data), { values, onSuccess: refresh });
}

export async function deleteCollectionAction(collectionId: string): Promise<ActionResult> {
  const actor = await requireActor();
  const result = await run(collectionIdInput, collectionId, (id) => deleteCollection(getDb(), actor, id));
  if (!result.ok) return result;
  redirect("/collections");
}

/**
 * Adds talents from the gallery or a profile page: the ticked ones, or the
 * one whose own "Add" button was pressed (sent as `only`).
 */
export async function addTalentsAction(
  _previous: ActionResult<AddTalentsResult> | null,
  form: FormData,
): Promise<ActionResult<AddTalentsResult>> {
  const actor = await requireActor();
  const only = form.get("only");
  const raw = {
    collectionId: form.get("collectionId") === "new" ? "" : (form.get("collectionId") ?? ""),
    newName: form.get("newName") ?? "",
    profileIds: typeof only === "string" && only ? [only] : form.getAll("profileIds"),
  };
  return run(addTalentsInput, raw, (input) => addTalents(getDb(), actor, input));
}

export async function removeTalentAction(collectionId: string, profileId: string): Promise<ActionResult> {
  const actor = await requireActor();
  return run(itemInput, { collectionId, profileId }, (input) => removeTalent(getDb(), actor, input));
}

export async function saveNoteAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const actor = await requireActor();
  return run(noteInput, formValues(form), (input) => setNote(getDb(), actor, input));
}

export async function moveTalentAction(
  collectionId: string,
  profileId: string,
  direction: "up" | "down",
): Promise<ActionResult> {
  const actor = await requireActor();
  return run(moveInput, { collectionId, profileId, direction }, (input) => moveTalent(getDb(), actor, input));
}

export async function reorderTalentsAction(collectionId: string, profileIds: string[]): Promise<ActionResult> {
  const actor = await requireActor();
  return run(reorderInput, { collectionId, profileIds }, (input) => reorderTalents(getDb(), actor, input));
}

export async function shareCollectionAction(collectionId: string): Promise<ActionResult<string>> {
  const actor = await requireActor();
  return run(collectionIdInput, collectionId, (id) => shareCollection(getDb(), actor, id));
}

export async function revokeShareAction(collectionId: string): Promise<ActionResult> {
  const actor = await requireActor();
  return run(collectionIdInput, collectionId, (id) => revokeShare(getDb(), actor, id));
}

/** The bulk request form: the project once, and a `line:<profileId>` field per chosen talent. */
export async function sendBulkRequestsAction(
  _previous: ActionResult<BulkRequestOutcome[]> | null,
  form: FormData,
): Promise<ActionResult<BulkRequestOutcome[]>> {
  const actor = await requireActor();
  const values = formValues(form);
  const lines = form
    .getAll("profileIds")
    .map((profileId) => ({ profileId, message: form.get(`line:${String(profileId)}`) ?? "" }));
  const input = bulkRequestInput.safeParse({ ...values, lines });
  if (!input.success) return invalidInput(input.error, values);
  return runMutation(() => sendBulkContactRequests(getDb(), actor, input.data), { values, onSuccess: refresh });
}
