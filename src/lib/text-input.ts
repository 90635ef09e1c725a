import { z } from "zod";

/** Control characters other than tab and newline (NUL, escape, DEL, and the C1 block with its next-line character). */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
/** Line breaks and tabs, including the Unicode line and paragraph separators. */
const LINE_BREAK = /[\r\n\t\u2028\u2029]/;
/** Bidirectional overrides and isolates, which can make text display as something it is not. */
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;
/**
 * Half of a surrogate pair without its other half: not a character at all. It
 * cannot be encoded as UTF-8, so the database would store a replacement
 * character instead of what was sent.
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whether text holds half of a surrogate pair (text that is not valid Unicode). */
export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}

/**
 * What is wrong with free text the product stores, or null when it is fine:
 * invalid Unicode, control characters (line breaks only where `multiLine`),
 * or text-direction overrides. Every text schema refuses with these messages.
 */
export function textProblem(text: string, label: string, multiLine: boolean): string | null {
  if (LONE_SURROGATE.test(text))
    return `${label} cannot contain broken characters (half of an emoji or symbol); retype it.`;
  if (CONTROL.test(text) || (!multiLine && LINE_BREAK.test(text))) {
    return multiLine
      ? `${label} cannot contain control characters.`
      : `${label} cannot contain control characters or line breaks.`;
  }
  if (BIDI_CONTROL.test(text)) return `${label} cannot contain text-direction control characters.`;
  return null;
}

/** Whether text is a UUID, the shape of every id the product hands out. */
export function isUuid(value: unknown): value is string {
  return typeof value === "string" && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

/**
 * Search text from a URL or a filter box, where a bad character should not
 * fail the page: control characters, text-direction overrides and broken
 * surrogate halves are dropped, runs of spaces folded, and the result cut to
 * `max` characters without splitting a character.
 */
export function cleanSearchText(value: unknown, max: number): string {
  if (typeof value !== "string") return "";
  const cleaned = value
    .replace(new RegExp(LONE_SURROGATE.source, "g"), "")
    .replace(new RegExp(`${CONTROL.source}|${BIDI_CONTROL.source}`, "g"), "")
    .replace(/\s+/g, " ")
    .trim();
  return Array.from(cleaned).slice(0, max).join("").trim();
}

type TextOptions = { label: string; max: number; min?: number; required?: boolean };

function refineText(schema: z.ZodString, { label, max, min = 0, required = false }: TextOptions, multiLine: boolean) {
  const lowerLabel = label.toLowerCase();
  let text = schema.trim();
  if (required)
    text = text.min(
      Math.max(min, 1),
      min > 1 ? `Use at least ${min} characters for ${lowerLabel}.` : `Enter ${lowerLabel}.`,
    );
  else if (min > 0)
    text = text.refine(
      (value) => value.length === 0 || value.length >= min,
      `Use at least ${min} characters for ${lowerLabel}.`,
    );
  return text
    .max(max, `Use at most ${max.toLocaleString("en")} characters for ${lowerLabel}.`)
    .superRefine((value, context) => {
      const problem = textProblem(value, label, multiLine);
      if (problem) context.addIssue({ code: "custom", message: problem });
    });
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

/**
 * A number typed in a form field: decimal digits with an optional sign, spaces
 * around allowed. Anything else ("1e3", "0x10", "12abc") becomes NaN, which the
 * number schema refuses with its own message. Values that are not text pass through.
 */
export function wholeNumberFromText(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const text = value.trim();
  return /^[+-]?\d+$/.test(text) ? Number(text) : Number.NaN;
}

/** An optional whole number from a form field: blank means not given. */
export function optionalWholeNumber({ label, min, max }: { label: string; min: number; max: number }) {
  return z.preprocess(
    (value) =>
      value === null || value === undefined || (typeof value === "string" && value.trim() === "")
        ? undefined
        : wholeNumberFromText(value),
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
      const parts = Array.isArray(value)
        ? value
        : typeof value === "string"
          ? value.split(",")
          : value === undefined
            ? []
            : value;
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
    z
      .array(item, { error: `List ${label.toLowerCase()} separated by commas.` })
      .max(maxItems, `List at most ${maxItems} ${label.toLowerCase()}.`),
  );
}
