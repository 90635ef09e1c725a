import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { renderEmailExamples } from "@/modules/notifications/emails/examples";

/**
 * Writes one example of every email the product sends, as NAME.html (open it in
 * a browser, or drag it into a mail client) and NAME.txt (the plain-text part),
 * into data/email-preview or the folder given with --out. It renders them as
 * the worker does, under the react-server export condition.
 */
function main() {
  const { values } = parseArgs({ options: { out: { type: "string" } }, strict: true });
  const folder = path.resolve(values.out ?? "data/email-preview");
  mkdirSync(folder, { recursive: true });
  const index: string[] = [];
  for (const { name, email } of renderEmailExamples()) {
    writeFileSync(path.join(folder, `${name}.html`), email.html);
    writeFileSync(path.join(folder, `${name}.txt`), `Subject: ${email.subject}\n\n${email.text}\n`);
    index.push(`<li><a href="${name}.html">${name}</a> (<a href="${name}.txt">text</a>): ${email.subject}</li>`);
  }
  writeFileSync(
    path.join(folder, "index.html"),
    `<!doctype html><html lang="en"><meta charset="utf-8"><title>Callback emails</title><ul>${index.join("")}</ul></html>\n`,
  );
  console.log(`Wrote ${index.length} emails to ${folder}`);
}

main();
