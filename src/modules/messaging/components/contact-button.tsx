"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { contactTalentAction } from "../actions";

/** Opens the conversation with a talent, creating it on first contact. */
export function ContactButton({ profileId, talentName }: { profileId: string; talentName: string }) {
  const [error, setError] = useState<string>();
  const [isPending, startTransition] = useTransition();
  return (
    <div className="space-y-2">
      <Button
        type="button"
        disabled={isPending}
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
