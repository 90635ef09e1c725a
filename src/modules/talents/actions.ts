"use server";

import "server-only";
import { getBlobStorage } from "@/lib/storage";
import { defineAction, defineFormAction } from "@/modules/access/action";
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

/** A change to a profile shows in its editor and on its public pages. */
const afterProfileChange = ["/profile/edit", { layout: "/talents" }];
const afterModeration = ["/admin/talents"];

const textFields = (form: FormData) =>
  Object.fromEntries([...form.entries()].filter(([, value]) => typeof value === "string"));

export const updateBasicsAction = defineFormAction({
  actor: "signed-in",
  input: basicsInput,
  read: (form) => ({ ...textFields(form), categories: form.getAll("categories") }),
  run: async ({ db, actor, input }) => {
    await updateBasics(db, actor, input);
  },
  revalidate: afterProfileChange,
});

export const updateSkillsAction = defineFormAction({
  actor: "signed-in",
  input: skillsInput,
  read: textFields,
  run: async ({ db, actor, input }) => {
    await updateSkills(db, actor, input);
  },
  revalidate: afterProfileChange,
});

export const updatePremiumDetailsAction = defineFormAction({
  actor: "signed-in",
  input: premiumDetailsInput,
  read: textFields,
  run: async ({ db, actor, input }) => {
    await updatePremiumDetails(db, actor, input);
  },
  revalidate: afterProfileChange,
});

export const updateContactAction = defineFormAction({
  actor: "signed-in",
  input: contactInput,
  read: textFields,
  run: async ({ db, actor, input }) => {
    await updateContact(db, actor, input);
  },
  revalidate: afterProfileChange,
});

export const addCreditAction = defineFormAction({
  actor: "signed-in",
  input: creditInput,
  read: textFields,
  run: async ({ db, actor, input }) => {
    await addCredit(db, actor, input);
  },
  revalidate: afterProfileChange,
});

export const deleteCreditAction = defineAction({
  actor: "signed-in",
  read: (creditId: string) => String(creditId),
  run: async ({ db, actor, input }) => {
    await deleteCredit(db, actor, input);
  },
  revalidate: afterProfileChange,
});

export const publishProfileAction = defineAction({
  actor: "signed-in",
  run: async ({ db, actor }) => {
    await publishProfile(db, actor);
  },
  revalidate: afterProfileChange,
});

export const unpublishProfileAction = defineAction({
  actor: "signed-in",
  run: async ({ db, actor }) => {
    await unpublishProfile(db, actor);
  },
  revalidate: afterProfileChange,
});

export const setPrimaryPhotoAction = defineAction({
  actor: "signed-in",
  read: (photoId: string) => String(photoId),
  run: async ({ db, actor, input }) => {
    await setPrimaryPhoto(db, actor, input);
  },
  revalidate: afterProfileChange,
});

export const movePhotoAction = defineAction({
  actor: "signed-in",
  read: (photoId: string, direction: "up" | "down") => ({
    photoId: String(photoId),
    direction: direction === "up" ? ("up" as const) : ("down" as const),
  }),
  run: async ({ db, actor, input }) => {
    await movePhoto(db, actor, input.photoId, input.direction);
  },
  revalidate: afterProfileChange,
});

export const deletePhotoAction = defineAction({
  actor: "signed-in",
  read: (photoId: string) => String(photoId),
  run: async ({ db, actor, input }) => {
    await deletePhoto(db, getBlobStorage(), actor, input);
  },
  revalidate: afterProfileChange,
});

export const hideProfileAction = defineFormAction({
  actor: { permission: "user:moderate" },
  input: hideProfileInput,
  run: ({ db, actor, input }) => hideProfile(db, actor, input),
  revalidate: afterModeration,
});

export const restoreProfileAction = defineAction({
  actor: { permission: "user:moderate" },
  input: profileIdInput,
  read: (profileId: string) => profileId,
  run: ({ db, actor, input }) => restoreProfile(db, actor, input),
  revalidate: afterModeration,
});
