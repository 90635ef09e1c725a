/** Escapes text for HTML: every user-provided value goes through this before it reaches an email's HTML. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char]!,
  );
}

/** A value safe for an email header: no CR or LF (no injected headers), no other control characters, bounded. */
export function headerValue(text: string): string {
  return text
    .replace(/[\r\n]+/g, " ")
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .trim()
    .slice(0, 200);
}

export type RenderedEmail = { subject: string; text: string; html: string };

export type EmailContext = {
  appUrl: string;
  recipientName: string;
  unsubscribeUrl: string;
  preferencesUrl: string;
  /** The recipient's IANA time zone: any date or time in an email is formatted in it (src/lib/dates.ts). */
  timeZone: string;
};
