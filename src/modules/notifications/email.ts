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

/** Quotes user text as plain text: each line prefixed, as mail clients show a quotation. */
export function quote(text: string): string {
  return text
    .split("\n")
    .map((line) => `> ${line}`)
    .join("\n");
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

/** Wraps an email's body paragraphs in the product's plain-text and HTML layout, with the unsubscribe footer. */
export function layoutEmail(
  context: EmailContext,
  content: { subject: string; intro: string; quotes?: string[]; action?: { label: string; url: string } },
): RenderedEmail {
  const greeting = `Hello ${context.recipientName},`;
  const footer = `You receive this email because of your notification settings. Change them: ${context.preferencesUrl}\nUnsubscribe from these emails: ${context.unsubscribeUrl}`;
  const text = [
    greeting,
    "",
    content.intro,
    ...(content.quotes ?? []).flatMap((item) => ["", quote(item)]),
    ...(content.action ? ["", `${content.action.label}: ${content.action.url}`] : []),
    "",
    "-- ",
    "Callback",
    footer,
  ].join("\n");
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#1c1917;line-height:1.5">
<p>${escapeHtml(greeting)}</p>
<p>${escapeHtml(content.intro)}</p>
${(content.quotes ?? []).map((item) => `<blockquote style="border-left:3px solid #ddd6fe;margin:0 0 12px;padding:4px 12px;white-space:pre-wrap">${escapeHtml(item)}</blockquote>`).join("\n")}
${content.action ? `<p><a href="${escapeHtml(content.action.url)}" style="background:#6d28d9;color:#fff;padding:8px 14px;border-radius:8px;text-decoration:none">${escapeHtml(content.action.label)}</a></p>` : ""}
<hr style="border:none;border-top:1px solid #e7e5e4">
<p style="font-size:12px;color:#78716c">Callback. You receive this email because of your <a href="${escapeHtml(context.preferencesUrl)}">notification settings</a>. <a href="${escapeHtml(context.unsubscribeUrl)}">Unsubscribe</a>.</p>
</body></html>`;
  return { subject: headerValue(content.subject), text, html };
}
