import { toPlainText } from "@react-email/render";
import type { ReactElement } from "react";
import { headerValue, type RenderedEmail } from "../email";
import { renderStaticMarkup } from "./static-markup";

/** The doctype email clients expect (the one react-email writes). */
const DOCTYPE =
  '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">';

/** Non-ASCII characters as character references: the HTML then survives any transfer encoding unchanged. */
function asciiHtml(html: string): string {
  return html.replace(/[^\u0000-\u007f]/gu, (char) => `&#x${char.codePointAt(0)!.toString(16)};`);
}

/**
 * An email from its template: the HTML, and the plain-text alternative read off
 * that HTML (links written out after their label, the preheader left out), so
 * the two never say different things.
 */
export function renderEmail(subject: string, template: ReactElement): RenderedEmail {
  const html = asciiHtml(`${DOCTYPE}${renderStaticMarkup(template)}`);
  return { subject: headerValue(subject), html, text: toPlainText(html).trim() };
}
