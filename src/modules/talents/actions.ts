"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import type { ZodError } from "zod";
import { getDb } from "@/db";
import { formValues, invalidInput, runMutation, type ActionResult } from "@/lib/action-result";
import { getBlobStorage } from "@/lib/storage";
import { requireActor } from "@/modules/access/actor";
import {
  basicsInput,
  contactInput,
  creditInput,
  hideProfileInput,
  premiumDetailsInput,
  profileIdInput,
  skillsInput,
} from "./inputs";
import {
  addCredit,
  deleteCredit,
  hideProfile,
  publishProfile,
  restoreProfile,
  unpublishProfile,
  updateBasics,
  updateContact,
  updatePremiumDetails,
  updateSkills,
} from "./mutations";
import { deletePhoto, movePhoto, setPrimaryPhoto } from "./photos";

type Actor = Awaited<ReturnType<typeof requireActor>>;
type Schema<Input> = {
  safeParse(value: unknown): { success: true; data: Input } | { success: false; error: ZodError };
};

function afterProfileChange() {
  revalidatePath("/profile/edit");
  revalidatePath("/talents", "layout");
}

const textFields = (form: FormData) =>
  Object.fromEntries([...form.entries()].filter(([, value]) => typeof value === "string"));

/** A profile-section form: the actor, the section's schema, then the change. */
async function submitProfileSection<Input>(
  form: FormData,
  schema: Schema<Input>,
  apply: (actor: Actor, input: Input) => Promise<unknown>,
  read: (form: FormData) => Record<string, unknown> = textFields,
): Promise<ActionResult> {
  const actor = await requireActor();
  const values = formValues(form);
  const input = schema.safeParse(read(form));
  if (!input.success) return invalidInput(input.error, values);
  return runMutation(
    async () => {
      await apply(actor, input.data);
    },
    { values, onSuccess: afterProfileChange },
  );
}

export async function updateBasicsAction(_previous: ActionResult | null, form: FormData) {
  return submitProfileSection(
    form,
    basicsInput,
    (actor, input) => updateBasics(getDb(), actor, input),
    (data) => ({
      ...textFields(data),
      categories: data.getAll("categories"),
    }),
  );
}

export async function updateSkillsAction(_previous: ActionResult | null, form: FormData) {
  return submitProfileSection(form, skillsInput, (actor, input) => updateSkills(getDb(), actor, input));
}

export async function updatePremiumDetailsAction(_previous: ActionResult | null, form: FormData) {
  return submitProfileSection(form, premiumDetailsInput, (actor, input) => updatePremiumDetails(getDb(), actor, input));
}

export async function updateContactAction(_previous: ActionResult | null, form: FormData) {
  return submitProfileSection(form, contactInput, (actor, input) => updateContact(getDb(), actor, input));
}

export async function addCreditAction(_previous: ActionResult | null, form: FormData) {
  return submitProfileSection(form, creditInput, (actor, input) => addCredit(getDb(), actor, input));
}

async function simpleAction(run: () => Promise<unknown>): Promise<ActionResult> {
  return runMutation(
    async () => {
      await run();
    },
    { onSuccess: afterProfileChange },
  );
}

export async function deleteCreditAction(creditId: string): Promise<ActionResult> {
  const actor = await requireActor();
  return simpleAction(() => deleteCredit(getDb(), actor, String(creditId)));
}

export async function publishProfileAction(): Promise<ActionResult> {
  const actor = await requireActor();
  return simpleAction(() => publishProfile(getDb(), actor));
}

export async function unpublishProfileAction(): Promise<ActionResult> {
  const actor = await requireActor();
  return simpleAction(() => unpublishProfile(getDb(), actor));
}

export async function setPrimaryPhotoAction(photoId: string): Promise<ActionResult> {
  const actor = await requireActor();
  return simpleAction(() => setPrimaryPhoto(getDb(), actor, String(photoId)));
}

export async function movePhotoAction(photoId: string, direction: "up" | "down"): Promise<ActionResult> {
  const actor = await requireActor();
  return simpleAction(() => movePhoto(getDb(), actor, String(photoId), direction === "up" ? "up" : "down"));
}

export async function deletePhotoAction(photoId: string): Promise<ActionResult> {
  const actor = await requireActor();
  return simpleAction(() => deletePhoto(getDb(), getBlobStorage(), actor, String(photoId)));
}

export async function hideProfileAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const actor = await requireActor();
  const values = formValues(form);
  const input = hideProfileInput.safeParse(values);
  if (!input.success) return invalidInput(input.error, values);
  return runMutation(() => hideProfile(getDb(), actor, input.data), {
    values,
    onSuccess: () => revalidatePath("/admin/talents"),
  });
}

export async function restoreProfileAction(profileId: string): Promise<ActionResult> {
  const actor = await requireActor();
  const id = profileIdInput.safeParse(profileId);
  if (!id.success) return invalidInput(id.error);
  return runMutation(() => restoreProfile(getDb(), actor, id.data), {
    onSuccess: () => revalidatePath("/admin/talents"),
  });
}
