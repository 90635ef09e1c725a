"use client";

import { useRef, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/action-result";
import { focusActionResult, noteActionStarted } from "./action-focus";
import { Button } from "./button";
import { FormError, InputField } from "./field";
import { SubmitButton } from "./form-status";
import { useFormAction } from "./use-form-action";

type FormAction = (previous: ActionResult | null, form: FormData) => Promise<ActionResult>;

/**
 * A moderation switch: turning it on asks for a reason the affected person will
 * see (hide a profile, suspend an account); turning it off is one click.
 */
export function ReasonedToggle({
  isOn,
  subject,
  verb,
  undoVerb,
  fields,
  onAction,
  offAction,
  hint,
}: {
  isOn: boolean;
  subject: string;
  verb: string;
  undoVerb: string;
  fields: Record<string, string>;
  onAction: FormAction;
  offAction: () => Promise<ActionResult>;
  hint: string;
}) {
  const [isOpen, setIsOpen] = useState(false);
  const { result, failure, formAction, formKey } = useFormAction(onAction);
  const [undoError, setUndoError] = useState<string>();
  const [isUndoing, startUndo] = useTransition();
  const ref = useRef<HTMLDivElement>(null);
  // After either action focus moves to the switch in its new state (see action-focus), and this says what changed.
  const [announcement, setAnnouncement] = useState("");
  const live = (
    <span role="status" className="sr-only">
      {announcement || (result?.ok ? `Done: ${verb.toLowerCase()} ${subject}.` : "")}
    </span>
  );

  if (isOn) {
    return (
      <div ref={ref}>
        <Button
          type="button"
          variant="secondary"
          className="px-2 py-1 text-xs"
          disabled={isUndoing}
          aria-label={`${undoVerb} ${subject}`}
          onClick={() =>
            startUndo(async () => {
              noteActionStarted();
              const outcome = await offAction();
              setUndoError(outcome.ok ? undefined : outcome.message);
              setAnnouncement(outcome.ok ? `Done: ${undoVerb.toLowerCase()} ${subject}.` : "");
              focusActionResult(ref.current, outcome);
            })
          }
        >
          {undoVerb}
        </Button>
        <FormError message={undoError} />
        {live}
      </div>
    );
  }
  if (!isOpen || result?.ok) {
    return (
      <div ref={ref}>
        <Button
          type="button"
          variant="secondary"
          className="px-2 py-1 text-xs"
          onClick={() => setIsOpen(true)}
          aria-label={`${verb} ${subject}`}
        >
          {verb}
        </Button>
        {live}
      </div>
    );
  }
  return (
    <div ref={ref}>
      <form key={formKey} action={formAction} className="space-y-2" noValidate>
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <InputField
          name="reason"
          label={`Why ${verb.toLowerCase()} ${subject}?`}
          defaultValue={failure?.values?.reason ?? ""}
          errors={failure?.fieldErrors?.reason}
          hint={hint}
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
    </div>
  );
}
