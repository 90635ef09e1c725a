"use client";

import { useFormStatus } from "react-dom";
import type { ActionResult } from "@/lib/action-result";
import { Button } from "./button";
import { FormError } from "./field";

/** The submit button of a form, showing that the form is being sent. */
export function SubmitButton({
  children,
  pendingText,
  variant,
}: {
  children: React.ReactNode;
  pendingText?: string;
  variant?: "primary" | "secondary" | "danger";
}) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" disabled={pending} variant={variant}>
      {pending ? (pendingText ?? "Saving...") : children}
    </Button>
  );
}

/** What became of the last submission: the form-level error, or a short confirmation. */
export function ActionFeedback({
  state,
  success = "Saved.",
}: {
  state: ActionResult<unknown> | null;
  success?: string;
}) {
  if (!state) return null;
  if (state.ok) {
    return (
      <p role="status" tabIndex={-1} data-action-result className="text-sm font-medium text-emerald-700">
        {success}
      </p>
    );
  }
  return <FormError message={state.message} />;
}
