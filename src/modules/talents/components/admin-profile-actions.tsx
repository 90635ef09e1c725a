"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormError, InputField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/form-status";
import { useFormAction } from "@/components/ui/use-form-action";
import { hideProfileAction, restoreProfileAction } from "../actions";

/** An admin's controls for one profile: unpublish with a reason, or restore. */
export function AdminProfileActions({ profileId, displayName, status }: { profileId: string; displayName: string; status: "draft" | "published" | "hidden" }) {
  const verb = status === "published" ? "Unpublish" : "Hide";
  const [isOpen, setIsOpen] = useState(false);
  const { result, failure, formAction, formKey } = useFormAction(hideProfileAction);
  const [restoreError, setRestoreError] = useState<string>();
  const [isRestoring, startRestore] = useTransition();

  if (status === "hidden") {
    return (
      <div>
        <Button
          type="button"
          variant="secondary"
          className="px-2 py-1 text-xs"
          disabled={isRestoring}
          onClick={() =>
            startRestore(async () => {
              const result = await restoreProfileAction(profileId);
              setRestoreError(result.ok ? undefined : result.message);
            })
          }
        >
          Restore
        </Button>
        <FormError message={restoreError} />
      </div>
    );
  }
  if (!isOpen || result?.ok) {
    return (
      <Button type="button" variant="secondary" className="px-2 py-1 text-xs" onClick={() => setIsOpen(true)} aria-label={`${verb} ${displayName}`}>
        {verb}
      </Button>
    );
  }
  return (
    <form key={formKey} action={formAction} className="space-y-2" noValidate>
      <input type="hidden" name="profileId" value={profileId} />
      <InputField
        name="reason"
        label={`Why ${verb.toLowerCase()} ${displayName}?`}
        defaultValue={failure?.values?.reason ?? ""}
        errors={failure?.fieldErrors?.reason}
        hint="The talent sees this reason."
        autoFocus
      />
      {failure && !failure.fieldErrors ? <FormError message={failure.message} /> : null}
      <div className="flex gap-2">
        <SubmitButton variant="danger" pendingText="Saving...">
          {verb}
        </SubmitButton>
        <Button type="button" variant="ghost" onClick={() => setIsOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
