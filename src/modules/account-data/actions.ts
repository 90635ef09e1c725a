"use server";

import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { invalidInput, runMutation, type ActionResult } from "@/lib/action-result";
import { getBlobStorage } from "@/lib/storage";
import { requireActor } from "@/modules/access/actor";
import { getBillingProvider } from "@/modules/billing/provider";
import { deleteAccountInput } from "./inputs";
import { deleteAccount } from "./mutations";

/** Better Auth's cookies, with or without the secure prefix it uses over HTTPS. */
const AUTH_COOKIE = /^(__Secure-)?better-auth\./;

export async function deleteAccountAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const actor = await requireActor();
  const values = { confirmation: String(form.get("confirmation") ?? "") };
  const input = deleteAccountInput.safeParse({
    password: form.get("password"),
    confirmation: form.get("confirmation"),
  });
  if (!input.success) return invalidInput(input.error, values);
  const result = await runMutation(
    () => deleteAccount(getDb(), { billing: getBillingProvider(), storage: getBlobStorage() }, actor, input.data),
    { values },
  );
  if (!result.ok) return result;
  // The sessions are gone already; the browser forgets their cookies too.
  const jar = await cookies();
  for (const cookie of jar.getAll()) if (AUTH_COOKIE.test(cookie.name)) jar.delete(cookie.name);
  redirect("/account-deleted");
}
