"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError, InputField, TextareaField } from "@/components/ui/field";
import { ActionFeedback, SubmitButton } from "@/components/ui/form-status";
import { OneClick } from "@/components/ui/one-click";
import { useFormAction } from "@/components/ui/use-form-action";
import { createCollectionAction, deleteCollectionAction, updateCollectionAction } from "../actions";

/** Name and describe a collection: a new one, or (with `collection`) an existing one. */
export function CollectionDetailsForm({
  collection,
}: {
  collection?: { id: string; name: string; description: string };
}) {
  const create = useFormAction(createCollectionAction);
  const update = useFormAction(updateCollectionAction);
  const { failure, formAction, formKey, result } = collection ? update : create;
  const values = failure?.values ?? collection ?? { name: "", description: "" };
  const errors = failure?.fieldErrors ?? {};
  return (
    <form key={formKey} action={formAction} className="space-y-3" noValidate>
      {collection ? <input type="hidden" name="collectionId" value={collection.id} /> : null}
      <InputField
        name="name"
        label="Name"
        defaultValue={values.name ?? ""}
        errors={errors.name}
        maxLength={80}
        placeholder="e.g. Lead - Sarah, 30s"
      />
      <TextareaField
        name="description"
        label="Description (optional)"
        rows={2}
        maxLength={500}
        defaultValue={values.description ?? ""}
        errors={errors.description}
      />
      {failure && !failure.fieldErrors ? <FormError message={failure.message} /> : null}
      <div className="flex items-center gap-3">
        <SubmitButton pendingText="Saving...">{collection ? "Save" : "Create collection"}</SubmitButton>
        {collection && result?.ok ? <ActionFeedback state={result} /> : null}
      </div>
    </form>
  );
}

/** Deleting asks once more, naming what will go. */
export function DeleteCollection({ collectionId, name, size }: { collectionId: string; name: string; size: number }) {
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <Button type="button" variant="ghost" className="text-red-700" onClick={() => setConfirming(true)}>
        Delete collection
      </Button>
    );
  }
  return (
    <div
      role="alertdialog"
      aria-label="Confirm deletion"
      className="space-y-2 rounded-xl border border-red-200 bg-red-50 p-3 text-sm"
    >
      <p>
        Delete &quot;{name}&quot; and its {size} talent{size === 1 ? "" : "s"} with your notes? The talents keep their
        profiles; this cannot be undone.
      </p>
      <div className="flex gap-2">
        <OneClick label="Yes, delete it" variant="danger" action={() => deleteCollectionAction(collectionId)} />
        <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
          Keep it
        </Button>
      </div>
    </div>
  );
}
