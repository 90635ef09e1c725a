"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { OneClick } from "@/components/ui/one-click";
import { revokeShareAction, shareCollectionAction } from "../actions";

/** The read-only share link: turn it on, copy it, or revoke it (it stops working at once). */
export function SharePanel({
  collectionId,
  shareUrl,
  canChange,
}: {
  collectionId: string;
  shareUrl: string | null;
  canChange: boolean;
}) {
  const [copied, setCopied] = useState(false);
  if (!shareUrl) {
    return (
      <div className="space-y-2 text-sm">
        <p className="text-stone-600">
          Share a read-only link with directors or producers, no account needed. They see the talents&apos; public
          profiles only, never your notes.
        </p>
        {canChange ? (
          <OneClick label="Create a share link" action={() => shareCollectionAction(collectionId)} />
        ) : (
          <p className="text-stone-500">Renew your subscription to share this collection.</p>
        )}
      </div>
    );
  }
  return (
    <div className="space-y-2 text-sm">
      <label className="flex flex-col gap-1 font-medium">
        Anyone with this link can view the collection
        <input
          readOnly
          value={shareUrl}
          onFocus={(event) => event.target.select()}
          className="rounded-lg border border-stone-300 bg-stone-50 px-3 py-2 font-mono text-xs"
        />
      </label>
      <div className="flex flex-wrap items-start gap-2">
        <Button
          type="button"
          variant="secondary"
          onClick={async () => {
            await navigator.clipboard.writeText(shareUrl);
            setCopied(true);
          }}
        >
          {copied ? "Copied" : "Copy link"}
        </Button>
        <OneClick label="Revoke the link" variant="danger" action={() => revokeShareAction(collectionId)} />
      </div>
    </div>
  );
}
