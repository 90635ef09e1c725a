"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";
import { FormError, InputField } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import { signInAction } from "../actions";

export function SignInForm({ returnTo }: { returnTo?: string }) {
  const { failure, formAction, formKey, isPending } = useFormAction(signInAction);
  const showFormError = failure && !failure.fieldErrors;
  return (
    <form key={formKey} action={formAction} className="space-y-4" noValidate>
      {returnTo ? <input type="hidden" name="next" value={returnTo} /> : null}
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
      <InputField
        name="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        errors={failure?.fieldErrors?.password}
      />
      <p className="-mt-2 text-right text-sm">
        <Link href="/forgot-password" className="font-medium text-brand-700 hover:underline">
          Forgot your password?
        </Link>
      </p>
      <Button type="submit" className="w-full" disabled={isPending}>
        {isPending ? "Signing in..." : "Sign in"}
      </Button>
      <p className="text-center text-sm text-stone-600">
        New to Callback?{" "}
        <Link href="/sign-up" className="font-semibold text-brand-700 hover:underline">
          Create an account
        </Link>
      </p>
    </form>
  );
}
