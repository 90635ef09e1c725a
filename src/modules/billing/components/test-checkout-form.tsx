"use client";

import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import { completeTestCheckoutAction } from "../actions";

/** The three outcomes of a test-mode checkout; paid or canceled, it returns to `returnTo` when there is one. */
export function TestCheckoutForm({ sessionId, returnTo }: { sessionId: string; returnTo?: string }) {
  const { failure, formAction, formKey, isPending } = useFormAction(completeTestCheckoutAction);
  return (
    <form key={formKey} action={formAction} className="space-y-3">
      <input type="hidden" name="sessionId" value={sessionId} />
      {returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
      <div className="flex flex-col gap-2">
        <Button type="submit" name="outcome" value="pay" disabled={isPending}>
          Pay with the test card
        </Button>
        <Button type="submit" name="outcome" value="fail" variant="secondary" disabled={isPending}>
          Simulate a failed payment
        </Button>
        <Button type="submit" name="outcome" value="cancel" variant="ghost" disabled={isPending}>
          Cancel and go back
        </Button>
      </div>
      <FormError message={failure?.message} />
    </form>
  );
}
