"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";
import { FormError, InputField } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import { resetPasswordAction } from "../actions";

export function ResetPasswordForm({ token }: { token: string }) {
  const { failure, formAction, formKey, isPending } = useFormAction(resetPasswordAction);
  const formError =
    failure?.fieldErrors?.token?.join(" ") ?? (failure && !failure.fieldErrors ? failure.message : undefined);
  return (
    <form key={formKey} action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      {formError ? <FormError message={formError} /> : null}
      <InputField
        name="password"
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 8 characters."
        errors={failure?.fieldErrors?.password}
      />
      <Button type="submit" className="w-full" disabled={isPending}>
        {isPending ? "Saving..." : "Set new password"}
      </Button>
      <p className="text-center text-sm text-stone-600">
        Link not working?{" "}
        <Link href="/forgot-password" className="font-semibold text-brand-700 hover:underline">
          Ask for a new one
        </Link>
      </p>
    </form>
  );
}
