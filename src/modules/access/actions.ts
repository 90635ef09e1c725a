"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { formValues, invalidInput, runMutation, type ActionResult } from "@/lib/action-result";
import { returnToInput, signInInput, signUpInput } from "./inputs";
import { signIn, signOut, signUp } from "./mutations";

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

export async function signOutAction(): Promise<void> {
  await signOut(await headers());
  redirect("/sign-in");
}
