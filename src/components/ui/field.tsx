import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/lib/cn";

const controlClasses =
  "block w-full rounded-lg border bg-white px-3 py-2 text-sm shadow-sm placeholder:text-stone-400 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30";

type FieldProps = {
  name: string;
  label: string;
  errors?: string[];
  hint?: ReactNode;
  children?: ReactNode;
};

/** A labelled control with its hint and its errors, wired for screen readers. */
function FieldFrame({ name, label, errors, hint, children }: FieldProps) {
  return (
    <div className="space-y-1">
      <label htmlFor={name} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      {children}
      {hint && !errors?.length ? (
        <p id={`${name}-hint`} className="text-xs text-stone-500">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={`${name}-error`} role="alert" className="text-xs font-medium text-red-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

export function InputField({ name, label, errors, hint, className, ...props }: FieldProps & ComponentProps<"input">) {
  const describedBy = errors?.length ? `${name}-error` : hint ? `${name}-hint` : undefined;
  return (
    <FieldFrame name={name} label={label} errors={errors} hint={hint}>
      <input
        id={name}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy}
        className={cn(controlClasses, errors?.length ? "border-red-500" : "border-stone-300", className)}
        {...props}
      />
    </FieldFrame>
  );
}

export function FormError({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
      {message}
    </div>
  );
}
