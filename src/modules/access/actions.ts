"use server";

import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { formValues, invalidInput, runMutation, type ActionResult } from "@/lib/action-result";
import { revalidatePath } from "next/cache";
import { requireActor } from "./actor";
import {
  passwordResetInput,
  passwordResetRequestInput,
  returnToInput,
  signInInput,
  signUpInput,
  suspendUserInput,
} from "./inputs";
import { reinstateUser, requestPasswordReset, resetPassword, signIn, signOut, signUp, suspendUser } from "./mutations";

export async function signUpAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const values = formValues(form);
  const input = signUpInput.safeParse({ ...values, password: form.get("password") });
  if (!input.success) return invalidInput(input.error, values);
  const result = await runMutation(async () => signUp(getDb(), await headers(), input.data), { values });
  if (!result.ok) return result;
  redirect("/home");
}

export async function signInAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const values = formValues(form);
  const input = signInInput.safeParse({ email: values.email, password: form.get("password") });
  if (!input.success) return invalidInput(input.error, values);
  const result = await runMutation(async () => signIn(getDb(), await headers(), input.data), { values });
  if (!result.ok) return result;
  redirect(returnToInput.parse(values.next));
}

export async function requestPasswordResetAction(
  _previous: ActionResult<string> | null,
  form: FormData,
): Promise<ActionResult<string>> {
  const values = formValues(form);
  const input = passwordResetRequestInput.safeParse({ email: values.email });
  if (!input.success) return invalidInput(input.error, values);
  return runMutation(async () => requestPasswordReset(getDb(), await headers(), input.data), { values });
}

export async function resetPasswordAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const values = formValues(form, ["password", "token"]);
  const input = passwordResetInput.safeParse({ token: form.get("token"), password: form.get("password") });
  if (!input.success) return invalidInput(input.error, values);
  const result = await runMutation(async () => resetPassword(await headers(), input.data), { values });
  if (!result.ok) return result;
  redirect("/sign-in?reset=done");
}

export async function signOutAction(): Promise<void> {
  await signOut(await headers());
  redirect("/sign-in");
}

export async function suspendUserAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const actor = await requireActor();
  const values = formValues(form);
  const input = suspendUserInput.safeParse(values);
  if (!input.success) return invalidInput(input.error, values);
  return runMutation(() => suspendUser(getDb(), actor, input.data), {
    values,
    onSuccess: () => revalidatePath("/admin/users"),
  });
}

export async function reinstateUserAction(userId: string): Promise<ActionResult> {
  const actor = await requireActor();
  return runMutation(() => reinstateUser(getDb(), actor, String(userId)), {
    onSuccess: () => revalidatePath("/admin/users"),
  });
}
