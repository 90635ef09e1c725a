"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";
import { FormError, InputField } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import { requestPasswordResetAction } from "../actions";

export function ForgotPasswordForm() {
  const { result, failure, formAction, formKey, isPending } = useFormAction(requestPasswordResetAction);
  const showFormError = failure && !failure.fieldErrors;
  return (
    <form key={formKey} action={formAction} className="space-y-4" noValidate>
      {result?.ok ? (
        <p
          role="status"
          className="rounded-lg border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800"
        >
          {result.data}
        </p>
      ) : null}
      {showFormError ? <FormError message={failure.message} /> : null}
      <InputField
        name="email"
        label="Email"
        type="email"
        autoComplete="email"
        required
        defaultValue={failure?.values?.email ?? ""}
        errors={failure?.fieldErrors?.email}
      />
      <Button type="submit" className="w-full" disabled={isPending}>
        {isPending ? "Sending..." : "Email me a link"}
      </Button>
      <p className="text-center text-sm text-stone-600">
        Remembered it?{" "}
        <Link href="/sign-in" className="font-semibold text-brand-700 hover:underline">
          Sign in
        </Link>
      </p>
    </form>
  );
}
