"use client";

import { ReasonedToggle } from "@/components/ui/reasoned-toggle";
import { hideProfileAction, restoreProfileAction } from "../actions";

/** An admin's controls for one profile: unpublish (or hide a draft) with a reason, or restore. */
export function AdminProfileActions({
  profileId,
  displayName,
  status,
}: {
  profileId: string;
  displayName: string;
  status: "draft" | "published" | "hidden";
}) {
  return (
    <ReasonedToggle
      isOn={status === "hidden"}
      subject={displayName}
      verb={status === "published" ? "Unpublish" : "Hide"}
      undoVerb="Restore"
      fields={{ profileId }}
      onAction={hideProfileAction}
      offAction={() => restoreProfileAction(profileId)}
      hint="The talent sees this reason."
    />
  );
}
