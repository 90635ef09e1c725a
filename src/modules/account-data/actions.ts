"use server";

import "server-only";
import { cookies } from "next/headers";
import { getBlobStorage } from "@/lib/storage";
import { defineFormAction } from "@/modules/access/action";
import { getBillingProvider } from "@/modules/billing/provider";
import { deleteAccountInput } from "./inputs";
import { deleteAccount } from "./mutations";

/** Better Auth's cookies, with or without the secure prefix it uses over HTTPS. */
const AUTH_COOKIE = /^(__Secure-)?better-auth\./;

export const deleteAccountAction = defineFormAction({
  actor: "signed-in",
  input: deleteAccountInput,
  read: (form) => ({ password: form.get("password"), confirmation: form.get("confirmation") }),
  values: (form) => ({ confirmation: String(form.get("confirmation") ?? "") }),
  run: async ({ db, actor, input }) => {
    await deleteAccount(db, { billing: getBillingProvider(), storage: getBlobStorage() }, actor, input);
    // The sessions are gone already; the browser forgets their cookies too.
    const jar = await cookies();
    for (const cookie of jar.getAll()) if (AUTH_COOKIE.test(cookie.name)) jar.delete(cookie.name);
  },
  redirect: () => "/account-deleted",
});
