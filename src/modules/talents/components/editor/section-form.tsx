"use client";

import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { ActionFeedback, SubmitButton } from "@/components/ui/form-status";
import { useFormAction } from "@/components/ui/use-form-action";
import type { ActionResult } from "@/lib/action-result";
import type { FieldErrors } from "@/lib/errors";

export type SectionState = { values: Record<string, string>; errors: FieldErrors };
type Action = (previous: ActionResult | null, form: FormData) => Promise<ActionResult>;

/**
 * One section of the profile editor: its own form, server action, field errors
 * and confirmation. After a failed save the fields keep what was typed.
 */
export function SectionForm({
  id,
  title,
  description,
  action,
  submitLabel = "Save",
  children,
}: {
  id: string;
  title: string;
  description?: ReactNode;
  action: Action;
  submitLabel?: string;
  children: (state: SectionState) => ReactNode;
}) {
  const { result, failure, formAction, formKey } = useFormAction(action);
  return (
    <Card id={id} aria-labelledby={`${id}-title`} className="scroll-mt-24">
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {title}
      </h2>
      {description ? <p className="mt-1 text-sm text-stone-600">{description}</p> : null}
      <form key={formKey} action={formAction} noValidate className="mt-4 space-y-4">
        {children({ values: failure?.values ?? {}, errors: failure?.fieldErrors ?? {} })}
        <div className="flex flex-wrap items-center gap-3">
          <SubmitButton>{submitLabel}</SubmitButton>
          <ActionFeedback state={failure?.fieldErrors ? null : result} />
          {failure?.fieldErrors ? (
            <p role="alert" className="text-sm font-medium text-red-700">
              {failure.message}
            </p>
          ) : null}
        </div>
      </form>
    </Card>
  );
}
