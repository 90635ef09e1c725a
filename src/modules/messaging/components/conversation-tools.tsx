"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormError, SelectField, TextareaField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/form-status";
import { useFormAction } from "@/components/ui/use-form-action";
import { reportConversationAction, setBlockedAction } from "../actions";
import { reportReasonLabels, reportReasons } from "../inputs";

/** Block or unblock the other person (talents), and report the conversation to admins (either side). */
export function ConversationTools({
  conversationId,
  counterpartName,
  canBlock,
  isBlockedByMe,
}: {
  conversationId: string;
  counterpartName: string;
  canBlock: boolean;
  isBlockedByMe: boolean;
}) {
  const [isReporting, setIsReporting] = useState(false);
  const [blockError, setBlockError] = useState<string>();
  const [isPending, startTransition] = useTransition();
  const { result, failure, formAction, formKey } = useFormAction(reportConversationAction);
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        {canBlock ? (
          <Button
            type="button"
            variant="secondary"
            className="px-3 py-1.5 text-xs"
            disabled={isPending}
            onClick={() =>
              startTransition(async () => {
                const outcome = await setBlockedAction(conversationId, !isBlockedByMe);
                setBlockError(outcome.ok ? undefined : outcome.message);
              })
            }
          >
            {isBlockedByMe ? `Unblock ${counterpartName}` : `Block ${counterpartName}`}
          </Button>
        ) : null}
        {!isReporting && !result?.ok ? (
          <Button type="button" variant="ghost" className="px-3 py-1.5 text-xs" onClick={() => setIsReporting(true)}>
            Report this conversation
          </Button>
        ) : null}
      </div>
      <FormError message={blockError} />
      {result?.ok ? (
        <p role="status" className="text-sm text-emerald-700">
          Thank you. An admin will look at this conversation.
        </p>
      ) : isReporting ? (
        <form
          key={formKey}
          action={formAction}
          className="space-y-3 rounded-xl border border-stone-200 bg-white p-4"
          noValidate
        >
          <input type="hidden" name="conversationId" value={conversationId} />
          <SelectField
            name="reason"
            label="Reason"
            placeholder="Choose a reason"
            defaultValue={failure?.values?.reason ?? ""}
            options={reportReasons.map((reason) => ({ value: reason, label: reportReasonLabels[reason] }))}
            errors={failure?.fieldErrors?.reason}
          />
          <TextareaField
            name="note"
            label="Anything admins should know (optional)"
            rows={3}
            maxLength={1000}
            defaultValue={failure?.values?.note ?? ""}
            errors={failure?.fieldErrors?.note}
          />
          {failure && !failure.fieldErrors ? <FormError message={failure.message} /> : null}
          <div className="flex gap-2">
            <SubmitButton pendingText="Sending...">Send report</SubmitButton>
            <Button type="button" variant="ghost" onClick={() => setIsReporting(false)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
