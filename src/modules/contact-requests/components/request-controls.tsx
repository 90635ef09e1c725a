"use client";

import { Card } from "@/components/ui/card";
import { FormError, SelectField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/form-status";
import { OneClick } from "@/components/ui/one-click";
import { useFormAction } from "@/components/ui/use-form-action";
import {
  approveContactRequestAction,
  declineContactRequestAction,
  revokeApprovalAction,
  withdrawContactRequestAction,
} from "../actions";
import { declineReasonLabels, declineReasons } from "../inputs";

const fieldLabels = { phone: "Phone number", email: "Email address", agent: "Agent details" } as const;

/** The talent's answer: approve with the details to share, or decline (with a reason, and optionally a block). */
export function RespondPanel({ requestId, hasAgent }: { requestId: string; hasAgent: boolean }) {
  const approve = useFormAction(approveContactRequestAction);
  const decline = useFormAction(declineContactRequestAction);
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <Card>
        <form key={approve.formKey} action={approve.formAction} className="space-y-3" noValidate>
          <input type="hidden" name="requestId" value={requestId} />
          <h2 className="font-semibold">Approve</h2>
          <fieldset className="space-y-2 text-sm">
            <legend className="text-stone-600">Share only what you want to:</legend>
            {(Object.keys(fieldLabels) as (keyof typeof fieldLabels)[]).map((field) => (
              <label key={field} className="flex items-center gap-2">
                <input
                  type="checkbox"
                  name="sharedFields"
                  value={field}
                  defaultChecked={hasAgent ? field === "agent" : field !== "agent"}
                  className="accent-brand-600"
                />
                {fieldLabels[field]}
              </label>
            ))}
          </fieldset>
          <FormError message={approve.failure?.fieldErrors?.sharedFields?.join(" ") ?? approve.failure?.message} />
          <SubmitButton pendingText="Approving...">Approve and share</SubmitButton>
        </form>
      </Card>
      <Card>
        <form key={decline.formKey} action={decline.formAction} className="space-y-3" noValidate>
          <input type="hidden" name="requestId" value={requestId} />
          <h2 className="font-semibold">Decline</h2>
          <SelectField
            name="reason"
            label="Reason (optional, the sender sees only that you declined)"
            placeholder="No reason"
            options={declineReasons.map((value) => ({ value, label: declineReasonLabels[value] }))}
          />
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="block" className="accent-brand-600" />
            Also block this sender (no more messages or requests)
          </label>
          <FormError message={decline.failure?.message} />
          <SubmitButton variant="secondary" pendingText="Declining...">
            Decline
          </SubmitButton>
        </form>
      </Card>
    </div>
  );
}

export function WithdrawButton({ requestId }: { requestId: string }) {
  return <OneClick label="Withdraw the request" action={() => withdrawContactRequestAction(requestId)} />;
}

export function RevokeButton({ requestId }: { requestId: string }) {
  return (
    <OneClick label="Revoke access to my details" variant="danger" action={() => revokeApprovalAction(requestId)} />
  );
}
