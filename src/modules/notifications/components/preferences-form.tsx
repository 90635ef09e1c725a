"use client";

import { SelectField } from "@/components/ui/field";
import { ActionFeedback, SubmitButton } from "@/components/ui/form-status";
import { useFormAction } from "@/components/ui/use-form-action";
import { updateEmailPreferencesAction } from "../actions";
import { categoryLabels, type Category } from "../definition";
import type { EmailMode } from "../notify";

const modes = [
  { value: "immediate", label: "Email me right away" },
  { value: "daily", label: "Daily digest" },
  { value: "off", label: "No email" },
];

export function PreferencesForm({ preferences }: { preferences: Record<Category, EmailMode> }) {
  const { result, failure, formAction, formKey } = useFormAction(updateEmailPreferencesAction);
  return (
    <form key={formKey} action={formAction} className="space-y-4">
      {(Object.keys(categoryLabels) as Category[]).map((category) => (
        <SelectField
          key={category}
          name={category}
          label={categoryLabels[category].name}
          hint={categoryLabels[category].description}
          defaultValue={failure?.values?.[category] ?? preferences[category]}
          options={modes}
          errors={failure?.fieldErrors?.[category]}
        />
      ))}
      <div className="flex items-center gap-3">
        <SubmitButton>Save</SubmitButton>
        <ActionFeedback state={result} />
      </div>
    </form>
  );
}
