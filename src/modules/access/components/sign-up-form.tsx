"use client";

import Link from "next/link";
import { useBrowserTimeZone } from "@/components/browser-time-zone";
import { Button } from "@/components/ui/button";
import { FormError, InputField } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import { cn } from "@/lib/cn";
import { signUpAction } from "../actions";
import { roleDescriptions, roleLabels, selfSignUpRoles } from "../roles";

export function SignUpForm({ initialAccountType }: { initialAccountType?: string }) {
  const { failure, formAction, formKey, isPending } = useFormAction(signUpAction);
  const values = failure?.values ?? {};
  const chosenType = values.accountType ?? initialAccountType;
  const accountTypeErrors = failure?.fieldErrors?.accountType;
  // Proposed as the account's zone; the server keeps it only if it is one it knows, and settings can change it.
  const browserTimeZone = useBrowserTimeZone();
  return (
    <form key={formKey} action={formAction} className="space-y-4" noValidate>
      {failure && !failure.fieldErrors ? <FormError message={failure.message} /> : null}
      <input type="hidden" name="timeZone" value={browserTimeZone ?? ""} />
      <fieldset className="space-y-2" aria-describedby={accountTypeErrors ? "accountType-error" : undefined}>
        <legend className="text-sm font-medium text-stone-800">I am joining as</legend>
        <div className="grid gap-2 sm:grid-cols-3">
          {selfSignUpRoles.map((role) => (
            <label
              key={role}
              className={cn(
                "flex cursor-pointer flex-col gap-1 rounded-xl border bg-white p-3 text-sm has-[:checked]:border-brand-500 has-[:checked]:ring-2 has-[:checked]:ring-brand-500/30",
                accountTypeErrors ? "border-red-500" : "border-stone-300",
              )}
            >
              <span className="flex items-center gap-2 font-semibold">
                <input
                  type="radio"
                  name="accountType"
                  value={role}
                  defaultChecked={chosenType === role}
                  className="accent-brand-600"
                />
                {roleLabels[role]}
              </span>
              <span className="text-xs text-stone-500">{roleDescriptions[role]}</span>
            </label>
          ))}
        </div>
        {accountTypeErrors ? (
          <p id="accountType-error" role="alert" className="text-xs font-medium text-red-700">
            {accountTypeErrors.join(" ")}
          </p>
        ) : null}
      </fieldset>
      <InputField
        name="name"
        label="Full name"
        autoComplete="name"
        required
        defaultValue={values.name ?? ""}
        errors={failure?.fieldErrors?.name}
      />
      <InputField
        name="email"
        label="Email"
        type="email"
        autoComplete="email"
        required
        defaultValue={values.email ?? ""}
        errors={failure?.fieldErrors?.email}
      />
      <InputField
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 8 characters."
        errors={failure?.fieldErrors?.password}
      />
      <Button type="submit" className="w-full" disabled={isPending}>
        {isPending ? "Creating your account..." : "Create account"}
      </Button>
      <p className="text-center text-sm text-stone-600">
        Already have an account?{" "}
        <Link href="/sign-in" className="font-semibold text-brand-700 hover:underline">
          Sign in
        </Link>
      </p>
    </form>
  );
}
