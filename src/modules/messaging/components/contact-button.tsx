"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { contactTalentAction } from "../actions";

/** Opens the conversation with a talent, creating it on first contact; focused when the page was opened to message them. */
export function ContactButton({
  profileId,
  talentName,
  autoFocus,
}: {
  profileId: string;
  talentName: string;
  autoFocus?: boolean;
}) {
  const [error, setError] = useState<string>();
  const [isPending, startTransition] = useTransition();
  return (
    <div className="space-y-2">
      <Button
        type="button"
        disabled={isPending}
        autoFocus={autoFocus}
        onClick={() =>
          startTransition(async () => {
            const result = await contactTalentAction(profileId);
            if (result && !result.ok) setError(result.message);
          })
        }
      >
        {isPending ? "Opening..." : `Message ${talentName}`}
      </Button>
      <FormError message={error} />
    </div>
  );
}
