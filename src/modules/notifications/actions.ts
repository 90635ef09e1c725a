"use server";

import "server-only";
import { formValues } from "@/lib/action-result";
import { defineAction, defineFormAction } from "@/modules/access/action";
import { emailPreferencesInput, timeSettingsInput } from "./inputs";
import {
  markAllNotificationsRead,
  markNotificationRead,
  unsubscribeWithToken,
  updateEmailPreferences,
  updateTimeSettings,
} from "./mutations";

/** The unread count is in the header of every page. */
const everyPage = [{ layout: "/" }];

export const markNotificationReadAction = defineAction({
  actor: "signed-in",
  read: (notificationId: string) => String(notificationId),
  run: ({ db, actor, input }) => markNotificationRead(db, actor, input),
  revalidate: everyPage,
});

export const markAllNotificationsReadAction = defineAction({
  actor: "signed-in",
  run: ({ db, actor }) => markAllNotificationsRead(db, actor),
  revalidate: everyPage,
});

export const updateEmailPreferencesAction = defineFormAction({
  actor: "signed-in",
  input: emailPreferencesInput,
  run: ({ db, actor, input }) => updateEmailPreferences(db, actor, input),
  revalidate: ["/settings/notifications"],
});

/** Every page shows dates in the zone chosen here. */
export const updateTimeSettingsAction = defineFormAction({
  actor: "signed-in",
  input: timeSettingsInput,
  run: ({ db, actor, input }) => updateTimeSettings(db, actor, input),
  revalidate: everyPage,
});

/** Works signed out: the signed token says whose emails to turn off. */
export const unsubscribeAction = defineFormAction({
  actor: "anyone",
  read: (form) => String(form.get("token") ?? ""),
  values: (form) => formValues(form, ["token"]),
  run: ({ db, input }) => unsubscribeWithToken(db, input),
});
