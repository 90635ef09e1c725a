"use client";

import { FormError } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/form-status";
import { useFormAction } from "@/components/ui/use-form-action";
import { unsubscribeAction } from "../actions";

export function UnsubscribeForm({ token, what }: { token: string; what: string }) {
  const { result, failure, formAction, formKey } = useFormAction(unsubscribeAction);
  if (result?.ok) {
    return (
      <p role="status" className="text-sm text-emerald-800">
        Done: you will no longer receive {what} by email. You can turn them back on in your notification settings.
      </p>
    );
  }
  return (
    <form key={formKey} action={formAction} className="space-y-3">
      <input type="hidden" name="token" value={token} />
      <SubmitButton pendingText="Unsubscribing...">Unsubscribe from {what}</SubmitButton>
      <FormError message={failure?.message} />
    </form>
  );
}
