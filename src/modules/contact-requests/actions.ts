"use server";

import "server-only";
import { defineAction, defineFormAction } from "@/modules/access/action";
import { approveInput, contactRequestInput, declineInput, requestIdInput } from "./inputs";
import {
  approveContactRequest,
  declineContactRequest,
  revokeApproval,
  sendContactRequest,
  withdrawContactRequest,
} from "./mutations";

/** A request's state shows in the header's counts and on both sides' pages. */
const everyPage = [{ layout: "/" }];

export const sendContactRequestAction = defineFormAction({
  actor: "signed-in",
  input: contactRequestInput,
  run: ({ db, actor, input }) => sendContactRequest(db, actor, input),
  revalidate: everyPage,
  redirect: (requestId) => `/contact-requests/${requestId}`,
});

export const approveContactRequestAction = defineFormAction({
  actor: "signed-in",
  input: approveInput,
  read: (form) => ({ requestId: form.get("requestId"), sharedFields: form.getAll("sharedFields") }),
  run: async ({ db, actor, input }) => {
    await approveContactRequest(db, actor, input);
  },
  revalidate: everyPage,
});

export const declineContactRequestAction = defineFormAction({
  actor: "signed-in",
  input: declineInput,
  read: (form) => ({
    requestId: form.get("requestId"),
    reason: form.get("reason") || undefined,
    block: form.get("block") === "on",
  }),
  run: async ({ db, actor, input }) => {
    await declineContactRequest(db, actor, input);
  },
  revalidate: everyPage,
});

export const withdrawContactRequestAction = defineAction({
  actor: "signed-in",
  input: requestIdInput,
  read: (requestId: string) => requestId,
  run: async ({ db, actor, input }) => {
    await withdrawContactRequest(db, actor, input);
  },
  revalidate: everyPage,
});

export const revokeApprovalAction = defineAction({
  actor: "signed-in",
  input: requestIdInput,
  read: (requestId: string) => requestId,
  run: ({ db, actor, input }) => revokeApproval(db, actor, input),
  revalidate: everyPage,
});
