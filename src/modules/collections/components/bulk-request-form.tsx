"use client";

import type { ReactNode } from "react";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { FormError, TextareaField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/form-status";
import { useFormAction } from "@/components/ui/use-form-action";
import { ProjectFields } from "@/modules/contact-requests/components/request-form";
import { sendBulkRequestsAction } from "../actions";

/**
 * One contact request to several talents: the project once, then a personal
 * line for each talent. After sending, the outcome for each talent is listed.
 * The page refreshes once the requests exist, and would then list the same
 * talents as "not asked again"; the outcome stays in their place, and the page's
 * notices about who cannot be asked show only before sending.
 */
export function BulkRequestForm({
  collectionId,
  talents,
  remainingNote,
  notices,
  problem,
}: {
  collectionId: string;
  talents: { profileId: string; name: string }[];
  /** What the sender has left, by the tighter of the monthly quota and the daily cap. */
  remainingNote: string | null;
  /** Who cannot be asked now, and why (rendered by the page). */
  notices: ReactNode;
  /** Why nothing can be sent from this page now, if so. */
  problem: string | null;
}) {
  const { result, failure, formAction, formKey } = useFormAction(sendBulkRequestsAction);
  if (result?.ok) {
    const sent = result.data.filter((outcome) => outcome.ok).length;
    return (
      <Card className="space-y-4">
        <h2 role="status" className="text-lg font-semibold">
          Sent {sent} of {result.data.length} request{result.data.length === 1 ? "" : "s"}
        </h2>
        <ul className="space-y-2">
          {result.data.map((outcome) => (
            <li key={outcome.profileId} className="flex flex-wrap items-baseline gap-2 text-sm">
              <span className="font-medium">{outcome.name}:</span>
              {outcome.ok ? (
                <Link href={`/contact-requests/${outcome.requestId}`} className="text-emerald-700 underline">
                  Sent
                </Link>
              ) : (
                <span className="text-red-700">Not sent - {outcome.message}</span>
              )}
            </li>
          ))}
        </ul>
        <div className="flex gap-4 text-sm font-medium">
          <Link href="/contact-requests/sent" className="text-brand-700 hover:underline">
            All sent requests
          </Link>
          <Link href={`/collections/${collectionId}`} className="text-brand-700 hover:underline">
            Back to the collection
          </Link>
        </div>
      </Card>
    );
  }
  if (problem) {
    return (
      <>
        {notices}
        <p role="alert" className="rounded-xl border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          {problem}
        </p>
      </>
    );
  }
  const values = failure?.values ?? {};
  const errors = failure?.fieldErrors ?? {};
  return (
    <>
      {notices}
      <Card>
        <form key={formKey} action={formAction} className="space-y-4" noValidate>
          <input type="hidden" name="collectionId" value={collectionId} />
          <p className="text-sm text-stone-600">
            Each talent receives their own request with your personal line, and decides on their own whether to share
            contact details.
            {remainingNote ? ` ${remainingNote}` : ""}
          </p>
          <ProjectFields values={values} errors={errors} />
          <fieldset className="space-y-3">
            <legend className="text-sm font-semibold">A personal line for each talent</legend>
            {errors.lines ? <FormError message={errors.lines.join(" ")} /> : null}
            {talents.map((talent, index) => (
              <div key={talent.profileId}>
                <input type="hidden" name="profileIds" value={talent.profileId} />
                <TextareaField
                  name={`line:${talent.profileId}`}
                  label={`For ${talent.name}`}
                  rows={2}
                  maxLength={1000}
                  defaultValue={values[`line:${talent.profileId}`] ?? ""}
                  errors={errors[`lines.${index}.message`]}
                  hint="Why this talent? At least 10 characters, and different for each talent."
                />
              </div>
            ))}
          </fieldset>
          {failure && !failure.fieldErrors ? <FormError message={failure.message} /> : null}
          {failure?.fieldErrors ? (
            <FormError message="Some fields need your attention: see the messages above." />
          ) : null}
          <SubmitButton pendingText="Sending...">{`Send ${talents.length} request${talents.length === 1 ? "" : "s"}`}</SubmitButton>
        </form>
      </Card>
    </>
  );
}
