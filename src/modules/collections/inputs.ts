import { z } from "zod";
import { multiLineText, singleLineText } from "@/lib/text-input";
import { projectFields, withProjectRules } from "@/modules/contact-requests/inputs";

/** How many talents one collection holds, and how many collections one account keeps. */
export const MAX_COLLECTION_SIZE = 500;
export const MAX_COLLECTIONS = 200;
/** How many contact requests one bulk send from a collection may hold. */
export const MAX_BULK_REQUESTS = 20;

export const collectionIdInput = z.uuid("That collection does not exist.");
const profileId = z.uuid("That talent's profile is not available.");

export const collectionDetailsInput = z.object({
  name: singleLineText({ label: "The collection name", max: 80, required: true }),
  description: multiLineText({ label: "The description", max: 500 }).default(""),
});
export type CollectionDetailsInput = z.infer<typeof collectionDetailsInput>;

export const addTalentsInput = z
  .object({
    /** An existing collection, or none to create one named newName. */
    collectionId: z.union([z.literal(""), collectionIdInput], { error: "That collection does not exist." }).default(""),
    newName: singleLineText({ label: "The new collection's name", max: 80 }).default(""),
    profileIds: z
      .array(profileId, { error: "Select at least one talent to add." })
      .min(1, "Select at least one talent to add.")
      .max(MAX_COLLECTION_SIZE, `Add at most ${MAX_COLLECTION_SIZE} talents at a time.`)
      .transform((ids) => [...new Set(ids)]),
  })
  .refine((input) => input.collectionId !== "" || input.newName !== "", {
    path: ["newName"],
    message: "Choose a collection, or name a new one.",
  });
export type AddTalentsInput = z.infer<typeof addTalentsInput>;

export const itemInput = z.object({ collectionId: collectionIdInput, profileId });

export const noteInput = itemInput.extend({ note: multiLineText({ label: "The note", max: 1000 }).default("") });

export const moveInput = itemInput.extend({
  direction: z.enum(["up", "down"], { error: "Move a talent up or down." }),
});

export const reorderInput = z.object({
  collectionId: collectionIdInput,
  profileIds: z
    .array(profileId, { error: "Give the talents of the collection in their new order." })
    .max(MAX_COLLECTION_SIZE, `A collection holds at most ${MAX_COLLECTION_SIZE} talents.`)
    .refine((ids) => new Set(ids).size === ids.length, "Each talent can appear only once in the order."),
});

/**
 * One contact request to several talents of a collection: the project once,
 * and a personal line for each talent, written for that talent (no blank or
 * copied lines: a bulk send is still a set of personal requests).
 */
export const bulkRequestInput = withProjectRules(
  z.object({
    collectionId: collectionIdInput,
    ...projectFields,
    lines: z
      .array(
        z.object(
          { profileId, message: multiLineText({ label: "The personal line", max: 1000, min: 10, required: true }) },
          { error: "Write a personal line for each talent." },
        ),
        {
          error: "Select at least one talent to send the request to.",
        },
      )
      .min(1, "Select at least one talent to send the request to.")
      .max(MAX_BULK_REQUESTS, `Send at most ${MAX_BULK_REQUESTS} requests at once.`),
  }),
)
  .refine((input) => new Set(input.lines.map((line) => line.profileId)).size === input.lines.length, {
    path: ["lines"],
    message: "Each talent can receive only one request.",
  })
  .superRefine((input, context) => {
    const seen = new Map<string, number>();
    input.lines.forEach((line, index) => {
      const key = line.message.toLowerCase().replace(/\s+/g, " ");
      const first = seen.get(key);
      if (first !== undefined)
        context.addIssue({
          code: "custom",
          path: ["lines", index, "message"],
          message: "Write a different line for each talent: this one repeats another.",
        });
      else seen.set(key, index);
    });
  });
export type BulkRequestInput = z.infer<typeof bulkRequestInput>;
