"use client";

import Link from "next/link";
import { useState } from "react";
import { FormError } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/form-status";
import { useFormAction } from "@/components/ui/use-form-action";
import { addTalentsAction } from "../actions";

type Choice = { id: string; name: string };

function summary(result: { added: number; alreadyIn: number; unavailable: number }) {
  const parts = [`Added ${result.added} talent${result.added === 1 ? "" : "s"}`];
  if (result.alreadyIn) parts.push(`${result.alreadyIn} already there`);
  if (result.unavailable) parts.push(`${result.unavailable} no longer available`);
  return `${parts.join("; ")}.`;
}

/**
 * The "add to collection" form: pick one of your collections or name a new
 * one. On the gallery it is the form that the cards' checkboxes and "Add"
 * buttons belong to (by its id); on a profile page it carries the profile itself.
 */
export function AddToCollectionForm({
  formId,
  collections,
  profileId,
  label,
}: {
  formId: string;
  collections: Choice[];
  profileId?: string;
  label: string;
}) {
  const { result, failure, formAction, formKey } = useFormAction(addTalentsAction);
  const [choice, setChoice] = useState(collections[0]?.id ?? "new");
  const [seen, setSeen] = useState(result);
  if (result !== seen) {
    // After adding to a new collection, it is the one to add to next.
    setSeen(result);
    if (result?.ok) setChoice(result.data.collectionId);
  }
  const errors = failure?.fieldErrors ?? {};
  return (
    <form key={formKey} id={formId} action={formAction} className="space-y-2" noValidate>
      {profileId ? <input type="hidden" name="profileIds" value={profileId} /> : null}
      <div className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col gap-1 text-sm font-medium">
          {label}
          <select
            name="collectionId"
            value={choice}
            onChange={(event) => setChoice(event.target.value)}
            className="rounded-lg border border-stone-300 bg-white px-3 py-2 text-sm"
          >
            {collections.map((collection) => (
              <option key={collection.id} value={collection.id}>
                {collection.name}
              </option>
            ))}
            <option value="new">New collection...</option>
          </select>
        </label>
        {choice === "new" ? (
          <label className="flex flex-col gap-1 text-sm font-medium">
            New collection name
            <input
              name="newName"
              maxLength={80}
              placeholder="e.g. Lead - Sarah, 30s"
              aria-invalid={errors.newName ? true : undefined}
              className="rounded-lg border border-stone-300 px-3 py-2 text-sm"
            />
          </label>
        ) : null}
        <SubmitButton pendingText="Adding...">{profileId ? "Add" : "Add selected"}</SubmitButton>
        {profileId ? null : (
          <button
            type="button"
            className="px-2 py-2 text-sm font-medium text-brand-700 hover:underline"
            onClick={() =>
              document
                .querySelectorAll<HTMLInputElement>(`input[type="checkbox"][form="${formId}"]`)
                .forEach((box) => (box.checked = true))
            }
          >
            Select all on this page
          </button>
        )}
      </div>
      {failure ? <FormError message={Object.values(errors).flat().join(" ") || failure.message} /> : null}
      {result?.ok ? (
        <p role="status" className="text-sm font-medium text-emerald-700">
          {summary(result.data)}{" "}
          <Link href={`/collections/${result.data.collectionId}`} className="underline">
            Open the collection
          </Link>
        </p>
      ) : null}
    </form>
  );
}
