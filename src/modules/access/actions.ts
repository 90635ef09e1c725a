"use server";

import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { formValues } from "@/lib/action-result";
import { defineAction, defineFormAction } from "./action";
import {
  passwordResetInput,
  passwordResetRequestInput,
  returnToInput,
  signInInput,
  signUpInput,
  suspendUserInput,
} from "./inputs";
import { reinstateUser, requestPasswordReset, resetPassword, signIn, signOut, signUp, suspendUser } from "./mutations";

export const signUpAction = defineFormAction({
  actor: "anyone",
  input: signUpInput,
  read: (form) => ({ ...formValues(form), password: form.get("password") }),
  run: async ({ db, input }) => signUp(db, await headers(), input),
  redirect: () => "/home",
});

export const signInAction = defineFormAction({
  actor: "anyone",
  input: signInInput.extend({ next: returnToInput }),
  read: (form) => {
    const values = formValues(form);
    return { email: values.email, password: form.get("password"), next: values.next };
  },
  run: async ({ db, input }) => signIn(db, await headers(), { email: input.email, password: input.password }),
  redirect: (_, input) => input.next,
});

export const requestPasswordResetAction = defineFormAction({
  actor: "anyone",
  input: passwordResetRequestInput,
  read: (form) => ({ email: formValues(form).email }),
  run: async ({ db, input }) => requestPasswordReset(db, await headers(), input),
});

export const resetPasswordAction = defineFormAction({
  actor: "anyone",
  input: passwordResetInput,
  read: (form) => ({ token: form.get("token"), password: form.get("password") }),
  values: (form) => formValues(form, ["password", "token"]),
  run: async ({ input }) => resetPassword(await headers(), input),
  redirect: () => "/sign-in?reset=done",
});

export async function signOutAction(): Promise<void> {
  await signOut(await headers());
  redirect("/sign-in");
}

export const suspendUserAction = defineFormAction({
  actor: { permission: "user:moderate" },
  input: suspendUserInput,
  run: ({ db, actor, input }) => suspendUser(db, actor, input),
  revalidate: ["/admin/users"],
});

export const reinstateUserAction = defineAction({
  actor: { permission: "user:moderate" },
  read: (userId: string) => String(userId),
  run: ({ db, actor, input }) => reinstateUser(db, actor, input),
  revalidate: ["/admin/users"],
});
