"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormError } from "@/components/ui/field";
import { publishProfileAction, unpublishProfileAction } from "../../actions";
import type { Completeness } from "../../policies";
import type { ProfileStatus } from "../../types";

export function PublishPanel({
  profileId,
  status,
  completeness,
}: {
  profileId: string;
  status: ProfileStatus;
  completeness: Completeness;
}) {
  const [error, setError] = useState<string>();
  const [isPending, startTransition] = useTransition();
  const run = (action: typeof publishProfileAction) =>
    startTransition(async () => {
      const result = await action();
      setError(result.ok ? undefined : result.message);
    });
  return (
    <Card className="space-y-4">
      <div className="flex items-center justify-between gap-2">
        <h2 className="text-lg font-semibold">Your profile</h2>
        {status.isHidden ? (
          <Badge tone="danger">Hidden by an admin</Badge>
        ) : status.isPublished ? (
          <Badge tone="success">Published</Badge>
        ) : (
          <Badge>Draft</Badge>
        )}
      </div>
      <div>
        <div className="flex justify-between text-sm">
          <span className="font-medium">Profile completeness</span>
          <span data-testid="completeness">{completeness.percent}%</span>
        </div>
        <div
          role="progressbar"
          aria-label="Profile completeness"
          aria-valuenow={completeness.percent}
          aria-valuemin={0}
          aria-valuemax={100}
          className="mt-1 h-2 overflow-hidden rounded-full bg-stone-200"
        >
          <div
            className="h-full rounded-full bg-brand-600 transition-all"
            style={{ width: `${completeness.percent}%` }}
          />
        </div>
      </div>
      {completeness.missing.length ? (
        <ul className="space-y-1 text-sm">
          {completeness.missing.map((item) => (
            <li key={item.key} className="flex items-center gap-2 text-stone-700">
              <span aria-hidden className="size-1.5 rounded-full bg-stone-400" />
              {item.label}
              {item.requiredToPublish ? (
                <span className="text-xs font-medium text-amber-700">needed to publish</span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-emerald-700">Everything is filled in.</p>
      )}
      {status.isHidden ? (
        <p className="rounded-lg bg-red-50 p-3 text-sm text-red-800">
          An admin took your profile out of the gallery: {status.hiddenReason}
        </p>
      ) : status.isPublished ? (
        <Button
          type="button"
          variant="secondary"
          className="w-full"
          disabled={isPending}
          onClick={() => run(unpublishProfileAction)}
        >
          Unpublish
        </Button>
      ) : (
        <Button type="button" className="w-full" disabled={isPending} onClick={() => run(publishProfileAction)}>
          Publish profile
        </Button>
      )}
      <FormError message={error} />
      <div className="space-y-1 border-t border-stone-100 pt-3 text-sm">
        <p className="font-medium">Preview</p>
        <Link href="/profile/preview?as=public" className="block text-brand-700 hover:underline">
          As the public sees it
        </Link>
        <Link href="/profile/preview?as=subscriber" className="block text-brand-700 hover:underline">
          As subscribers see it
        </Link>
        {status.isPublished && !status.isHidden ? (
          <Link href={`/talents/${profileId}`} className="block text-brand-700 hover:underline">
            Your public page
          </Link>
        ) : null}
      </div>
    </Card>
  );
}
