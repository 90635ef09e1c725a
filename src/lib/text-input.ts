import { z } from "zod";

/** Control characters other than tab and newline (NUL, escape, DEL...). */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;
const LINE_BREAK = /[\r\n\t]/;
/** Bidirectional overrides and isolates, which can make text display as something it is not. */
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;

type TextOptions = { label: string; max: number; min?: number; required?: boolean };

function refineText(schema: z.ZodString, { label, max, min = 0, required = false }: TextOptions, multiLine: boolean) {
  const lowerLabel = label.toLowerCase();
  let text = schema.trim();
  if (required) text = text.min(Math.max(min, 1), min > 1 ? `Use at least ${min} characters for ${lowerLabel}.` : `Enter ${lowerLabel}.`);
  else if (min > 0) text = text.refine((value) => value.length === 0 || value.length >= min, `Use at least ${min} characters for ${lowerLabel}.`);
  return text
    .max(max, `Use at most ${max.toLocaleString("en")} characters for ${lowerLabel}.`)
    .refine((value) => !CONTROL.test(value) && (multiLine || !LINE_BREAK.test(value)), {
      message: multiLine ? `${label} cannot contain control characters.` : `${label} cannot contain control characters or line breaks.`,
    })
    .refine((value) => !BIDI_CONTROL.test(value), { message: `${label} cannot contain text-direction control characters.` });
}

/** One line of text: trimmed, no line breaks or control characters, within a length. */
export function singleLineText(options: TextOptions) {
  return refineText(z.string({ error: `Enter ${options.label.toLowerCase()}.` }), options, false);
}

/** Free text that may span lines: trimmed, Windows line endings folded, no other control characters. */
export function multiLineText(options: TextOptions) {
  return z.preprocess(
    (value) => (typeof value === "string" ? value.replace(/\r\n?/g, "\n") : value),
    refineText(z.string({ error: `Enter ${options.label.toLowerCase()}.` }), options, true),
  );
}

/** An optional whole number from a form field: blank means not given. */
export function optionalWholeNumber({ label, min, max }: { label: string; min: number; max: number }) {
  return z.preprocess(
    (value) => (value === "" || value === null || value === undefined ? undefined : typeof value === "string" ? Number(value.trim()) : value),
    z
      .number({ error: `${label} must be a whole number.` })
      .int(`${label} must be a whole number.`)
      .min(min, `${label} must be at least ${min.toLocaleString("en")}.`)
      .max(max, `${label} must be at most ${max.toLocaleString("en")}.`)
      .optional(),
  );
}

/**
 * A list typed as comma-separated text (or given as an array): each entry
 * trimmed, blanks dropped, duplicates (ignoring case) dropped.
 */
export function textList({ label, maxItems, maxLength }: { label: string; maxItems: number; maxLength: number }) {
  const item = singleLineText({ label: `Each ${label.toLowerCase()} entry`, max: maxLength });
  return z.preprocess(
    (value) => {
      const parts = Array.isArray(value) ? value : typeof value === "string" ? value.split(",") : value === undefined ? [] : value;
      if (!Array.isArray(parts)) return parts;
      const seen = new Set<string>();
      return parts
        .map((part) => (typeof part === "string" ? part.trim().replace(/\s+/g, " ") : part))
        .filter((part) => {
          if (part === "") return false;
          const key = typeof part === "string" ? part.toLowerCase() : part;
          if (seen.has(key)) return false;
          seen.add(key);
          return true;
        });
    },
    z.array(item).max(maxItems, `List at most ${maxItems} ${label.toLowerCase()}.`),
  );
}
