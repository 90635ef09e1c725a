"use client";

import { Card } from "@/components/ui/card";
import { FormError, InputField, SelectField, TextareaField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/form-status";
import { useFormAction } from "@/components/ui/use-form-action";
import { sendContactRequestAction } from "../actions";
import { productionTypeLabels, productionTypes } from "../inputs";

export function ContactRequestForm({
  profileId,
  talentName,
  remainingNote,
}: {
  profileId: string;
  talentName: string;
  /** What the sender has left, by the tighter of the monthly quota and the daily cap. */
  remainingNote: string | null;
}) {
  const { failure, formAction, formKey } = useFormAction(sendContactRequestAction);
  const values = failure?.values ?? {};
  const errors = failure?.fieldErrors ?? {};
  return (
    <Card>
      <form key={formKey} action={formAction} className="space-y-4" noValidate>
        <input type="hidden" name="profileId" value={profileId} />
        <p className="text-sm text-stone-600">
          {talentName} sees your name, company and this request, and decides whether to share contact details with you.
          {remainingNote ? ` ${remainingNote}` : ""}
        </p>
        <ProjectFields values={values} errors={errors} />
        <TextareaField
          name="message"
          label="A personal message (optional)"
          rows={3}
          maxLength={1000}
          defaultValue={values.message ?? ""}
          errors={errors.message}
        />
        {failure && !failure.fieldErrors ? <FormError message={failure.message} /> : null}
        <SubmitButton pendingText="Sending...">Send request</SubmitButton>
      </form>
    </Card>
  );
}

/** The project part of a request, shared by the single and the bulk request forms. */
export function ProjectFields({
  values,
  errors,
}: {
  values: Record<string, string>;
  errors: Record<string, string[]>;
}) {
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <InputField
          name="projectTitle"
          label="Project title"
          defaultValue={values.projectTitle ?? ""}
          errors={errors.projectTitle}
          maxLength={120}
        />
        <InputField name="role" label="Role" defaultValue={values.role ?? ""} errors={errors.role} maxLength={120} />
        <SelectField
          name="productionType"
          label="Production type"
          placeholder="Choose one"
          defaultValue={values.productionType ?? ""}
          options={productionTypes.map((value) => ({ value, label: productionTypeLabels[value] }))}
          errors={errors.productionType}
        />
        <InputField
          name="location"
          label="Location (optional)"
          defaultValue={values.location ?? ""}
          errors={errors.location}
          maxLength={120}
        />
        <InputField
          name="shootStart"
          label="First shoot date (optional)"
          type="date"
          defaultValue={values.shootStart ?? ""}
          errors={errors.shootStart}
        />
        <InputField
          name="shootEnd"
          label="Last shoot date (optional)"
          type="date"
          defaultValue={values.shootEnd ?? ""}
          errors={errors.shootEnd}
        />
      </div>
      <TextareaField
        name="description"
        label="What is the project, and why this talent?"
        rows={5}
        maxLength={2000}
        defaultValue={values.description ?? ""}
        errors={errors.description}
        hint="Between 20 and 2,000 characters."
      />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Is the work paid?</legend>
        <div className="flex gap-4 text-sm">
          {[
            ["paid", "Paid"],
            ["unpaid", "Unpaid"],
          ].map(([value, label]) => (
            <label key={value} className="flex items-center gap-2">
              <input
                type="radio"
                name="isPaid"
                value={value}
                defaultChecked={(values.isPaid ?? "paid") === value}
                className="accent-brand-600"
              />
              {label}
            </label>
          ))}
        </div>
        {errors.isPaid ? <p className="text-xs font-medium text-red-700">{errors.isPaid.join(" ")}</p> : null}
      </fieldset>
      <InputField
        name="rate"
        label="Rate (for paid work)"
        defaultValue={values.rate ?? ""}
        errors={errors.rate}
        maxLength={120}
        hint="e.g. $500 a day, or a buyout fee"
      />
    </>
  );
}
