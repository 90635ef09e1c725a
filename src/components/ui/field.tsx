import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/lib/cn";

const controlClasses =
  "block w-full rounded-lg border bg-white px-3 py-2 text-sm shadow-sm placeholder:text-stone-400 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30";

type FieldProps = {
  name: string;
  label: string;
  errors?: string[];
  hint?: ReactNode;
  className?: string;
};

function describedBy({ name, errors, hint }: FieldProps) {
  return errors?.length ? `${name}-error` : hint ? `${name}-hint` : undefined;
}

function controlClass(errors: string[] | undefined, className?: string) {
  return cn(controlClasses, errors?.length ? "border-red-500" : "border-stone-300", className);
}

/** A labelled control with its hint and its errors, wired for screen readers. */
function FieldFrame({ name, label, errors, hint, className, children }: FieldProps & { children: ReactNode }) {
  return (
    <div className={cn("space-y-1", className)}>
      <label htmlFor={name} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      {children}
      <FieldMessages name={name} errors={errors} hint={hint} />
    </div>
  );
}

export function FieldMessages({ name, errors, hint }: { name: string; errors?: string[]; hint?: ReactNode }) {
  if (errors?.length) {
    return (
      <p id={`${name}-error`} role="alert" className="text-xs font-medium text-red-700">
        {errors.join(" ")}
      </p>
    );
  }
  return hint ? (
    <p id={`${name}-hint`} className="text-xs text-stone-500">
      {hint}
    </p>
  ) : null;
}

export function InputField({
  name,
  label,
  errors,
  hint,
  className,
  ...props
}: FieldProps & Omit<ComponentProps<"input">, "name">) {
  return (
    <FieldFrame name={name} label={label} errors={errors} hint={hint} className={className}>
      <input
        id={name}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy({ name, label, errors, hint })}
        className={controlClass(errors)}
        {...props}
      />
    </FieldFrame>
  );
}

export function TextareaField({
  name,
  label,
  errors,
  hint,
  className,
  ...props
}: FieldProps & Omit<ComponentProps<"textarea">, "name">) {
  return (
    <FieldFrame name={name} label={label} errors={errors} hint={hint} className={className}>
      <textarea
        id={name}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy({ name, label, errors, hint })}
        className={controlClass(errors)}
        {...props}
      />
    </FieldFrame>
  );
}

export type Option = { value: string; label: string };

export function SelectField({
  name,
  label,
  errors,
  hint,
  className,
  options,
  placeholder,
  ...props
}: FieldProps & Omit<ComponentProps<"select">, "name"> & { options: readonly Option[]; placeholder?: string }) {
  return (
    <FieldFrame name={name} label={label} errors={errors} hint={hint} className={className}>
      <select
        id={name}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy({ name, label, errors, hint })}
        className={controlClass(errors)}
        {...props}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export function FormError({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <div
      role="alert"
      tabIndex={-1}
      className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
    >
      {message}
    </div>
  );
}
