"use client";

import { useState, useTransition } from "react";
import { Card } from "@/components/ui/card";
import { FormError, InputField } from "@/components/ui/field";
import { ActionFeedback, SubmitButton } from "@/components/ui/form-status";
import { useFormAction } from "@/components/ui/use-form-action";
import { addCreditAction, deleteCreditAction } from "../../actions";
import type { Credit } from "../../types";

export function CreditsSection({ credits }: { credits: Credit[] }) {
  const { result, failure, formAction, formKey } = useFormAction(addCreditAction);
  const [isDeleting, startDelete] = useTransition();
  const [deleteError, setDeleteError] = useState<string>();
  const values = failure?.values ?? {};
  const errors = failure?.fieldErrors ?? {};
  return (
    <Card id="credits" aria-labelledby="credits-title" className="scroll-mt-24">
      <h2 id="credits-title" className="text-lg font-semibold">
        Credits
      </h2>
      <p className="mt-1 text-sm text-stone-600">Premium: your resume, newest first.</p>
      {credits.length ? (
        <ul className="mt-4 divide-y divide-stone-100 rounded-xl border border-stone-200">
          {credits.map((credit) => (
            <li key={credit.id} className="flex items-center justify-between gap-3 px-3 py-2 text-sm">
              <span>
                <span className="font-semibold">{credit.year}</span> - {credit.production}, {credit.role}
                {credit.company ? <span className="text-stone-500"> ({credit.company})</span> : null}
              </span>
              <button
                type="button"
                disabled={isDeleting}
                onClick={() =>
                  startDelete(async () => {
                    const result = await deleteCreditAction(credit.id);
                    setDeleteError(result.ok ? undefined : result.message);
                  })
                }
                className="rounded-lg px-2 py-1 text-xs font-medium text-red-700 hover:bg-red-50"
                aria-label={`Delete credit ${credit.production} (${credit.year})`}
              >
                Delete
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-3 text-sm text-stone-500">No credits yet.</p>
      )}
      <FormError message={deleteError} />
      <form action={formAction} noValidate className="mt-4 space-y-3" key={formKey}>
        <h3 className="text-sm font-semibold">Add a credit</h3>
        <div className="grid gap-3 sm:grid-cols-[100px_1fr_1fr_1fr]">
          <InputField
            name="year"
            label="Year"
            type="number"
            min={1900}
            defaultValue={values.year ?? ""}
            errors={errors.year}
          />
          <InputField
            name="production"
            label="Production"
            defaultValue={values.production ?? ""}
            errors={errors.production}
          />
          <InputField name="role" label="Role" defaultValue={values.role ?? ""} errors={errors.role} />
          <InputField
            name="company"
            label="Company (optional)"
            defaultValue={values.company ?? ""}
            errors={errors.company}
          />
        </div>
        <div className="flex items-center gap-3">
          <SubmitButton pendingText="Adding...">Add credit</SubmitButton>
          <ActionFeedback state={failure?.fieldErrors ? null : result} success="Credit added." />
        </div>
      </form>
    </Card>
  );
}
