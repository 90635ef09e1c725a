"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError, InputField } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import { deleteAccountAction } from "../actions";

/**
 * "Delete my account": a first button opens the confirm step, which says once
 * more that this cannot be undone and asks for the current password and the
 * word DELETE before anything happens.
 */
export function DeleteAccount({ blockedReason }: { blockedReason: string | null }) {
  const [isConfirming, setConfirming] = useState(false);
  const { failure, formAction, formKey, isPending } = useFormAction(deleteAccountAction);
  const showFormError = failure && !failure.fieldErrors;

  if (blockedReason) {
    return (
      <p role="note" className="rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
        {blockedReason}
      </p>
    );
  }
  if (!isConfirming) {
    return (
      <Button type="button" variant="danger" onClick={() => setConfirming(true)}>
        Delete my account
      </Button>
    );
  }
  return (
    <form
      key={formKey}
      action={formAction}
      className="space-y-4 rounded-xl border border-red-200 bg-red-50/60 p-4"
      noValidate
      aria-labelledby="confirm-delete-title"
    >
      <div>
        <h3 id="confirm-delete-title" className="text-base font-semibold text-red-900">
          Delete your account for good?
        </h3>
        <p className="mt-1 text-sm text-red-900">
          This cannot be undone. You will be signed out everywhere at once and cannot sign in again. If you want a copy
          of your data, download it first.
        </p>
      </div>
      {showFormError ? <FormError message={failure.message} /> : null}
      <InputField
        name="password"
        label="Your current password"
        type="password"
        autoComplete="current-password"
        required
        errors={failure?.fieldErrors?.password}
      />
      <InputField
        name="confirmation"
        label="Type DELETE to confirm"
        autoComplete="off"
        required
        defaultValue={failure?.values?.confirmation ?? ""}
        errors={failure?.fieldErrors?.confirmation}
      />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="danger" disabled={isPending}>
          {isPending ? "Deleting..." : "Delete my account permanently"}
        </Button>
        <Button type="button" variant="secondary" onClick={() => setConfirming(false)} disabled={isPending}>
          Keep my account
        </Button>
      </div>
    </form>
  );
}
