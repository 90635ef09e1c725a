"use client";

import { ReasonedToggle } from "@/components/ui/reasoned-toggle";
import { reinstateUserAction, suspendUserAction } from "@/modules/access/actions";

export function UserModeration({ userId, name, isSuspended }: { userId: string; name: string; isSuspended: boolean }) {
  return (
    <ReasonedToggle
      isOn={isSuspended}
      subject={name}
      verb="Suspend"
      undoVerb="Reinstate"
      fields={{ userId }}
      onAction={suspendUserAction}
      offAction={() => reinstateUserAction(userId)}
      hint="Their sessions end at once and they cannot sign in."
    />
  );
}
