"use server";

import "server-only";
import { formValues } from "@/lib/action-result";
import { defineAction, defineFormAction } from "@/modules/access/action";
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
} from "./mutations";

/** A collection shows in the header's menu, the gallery's "Add" buttons and its own pages. */
const everyPage = [{ layout: "/" }];

export const createCollectionAction = defineFormAction({
  actor: "signed-in",
  input: collectionDetailsInput,
  run: ({ db, actor, input }) => createCollection(db, actor, input),
  revalidate: everyPage,
  redirect: (collectionId) => `/collections/${collectionId}`,
});

export const updateCollectionAction = defineFormAction({
  actor: "signed-in",
  input: collectionDetailsInput.extend({ collectionId: collectionIdInput }),
  run: ({ db, actor, input: { collectionId, ...details } }) => updateCollection(db, actor, collectionId, details),
  revalidate: everyPage,
});

export const deleteCollectionAction = defineAction({
  actor: "signed-in",
  input: collectionIdInput,
  read: (collectionId: string) => collectionId,
  run: ({ db, actor, input }) => deleteCollection(db, actor, input),
  revalidate: everyPage,
  redirect: () => "/collections",
});

/**
 * Adds talents from the gallery or a profile page: the ticked ones, or the
 * one whose own "Add" button was pressed (sent as `only`).
 */
export const addTalentsAction = defineFormAction({
  actor: "signed-in",
  input: addTalentsInput,
  read: (form) => {
    const only = form.get("only");
    return {
      collectionId: form.get("collectionId") === "new" ? "" : (form.get("collectionId") ?? ""),
      newName: form.get("newName") ?? "",
      profileIds: typeof only === "string" && only ? [only] : form.getAll("profileIds"),
    };
  },
  run: ({ db, actor, input }) => addTalents(db, actor, input),
  revalidate: everyPage,
});

export const removeTalentAction = defineAction({
  actor: "signed-in",
  input: itemInput,
  read: (collectionId: string, profileId: string) => ({ collectionId, profileId }),
  run: ({ db, actor, input }) => removeTalent(db, actor, input),
  revalidate: everyPage,
});

export const saveNoteAction = defineFormAction({
  actor: "signed-in",
  input: noteInput,
  run: ({ db, actor, input }) => setNote(db, actor, input),
  revalidate: everyPage,
});

export const moveTalentAction = defineAction({
  actor: "signed-in",
  input: moveInput,
  read: (collectionId: string, profileId: string, direction: "up" | "down") => ({ collectionId, profileId, direction }),
  run: ({ db, actor, input }) => moveTalent(db, actor, input),
  revalidate: everyPage,
});

export const reorderTalentsAction = defineAction({
  actor: "signed-in",
  input: reorderInput,
  read: (collectionId: string, profileIds: string[]) => ({ collectionId, profileIds }),
  run: ({ db, actor, input }) => reorderTalents(db, actor, input),
  revalidate: everyPage,
});

export const shareCollectionAction = defineAction({
  actor: "signed-in",
  input: collectionIdInput,
  read: (collectionId: string) => collectionId,
  run: ({ db, actor, input }) => shareCollection(db, actor, input),
  revalidate: everyPage,
});

export const revokeShareAction = defineAction({
  actor: "signed-in",
  input: collectionIdInput,
  read: (collectionId: string) => collectionId,
  run: ({ db, actor, input }) => revokeShare(db, actor, input),
  revalidate: everyPage,
});

/** The bulk request form: the project once, and a `line:<profileId>` field per chosen talent. */
export const sendBulkRequestsAction = defineFormAction({
  actor: "signed-in",
  input: bulkRequestInput,
  read: (form) => {
    const lines = form
      .getAll("profileIds")
      .map((profileId) => ({ profileId, message: form.get(`line:${String(profileId)}`) ?? "" }));
    return { ...formValues(form), lines };
  },
  run: ({ db, actor, input }) => sendBulkContactRequests(db, actor, input),
  revalidate: everyPage,
});
