import fc from "fast-check";

/**
 * The hostile catalogue: text people (or scripts posing as people) send to
 * find a crash, a partial write or markup that comes alive. `refused` entries
 * must be turned away with a message; `stored` entries must be kept exactly as
 * sent (after trimming) and shown as inert text.
 */
export const refusedText = {
  empty: "",
  whitespace: " \t \u00a0 ",
  nul: "Casey\u0000Rivera",
  "escape sequence": "Casey \u001b[31mRivera",
  "delete character": "Casey\u007fRivera",
  "C1 next line": "Casey\u0085Rivera",
  "lone high surrogate": "Casey \ud83d Rivera",
  "lone low surrogate": "Casey \ude00 Rivera",
  "right-to-left override": "Casey \u202egpj.exe",
  "left-to-right isolate": "Casey \u2066Rivera\u2069",
} as const;

/** Characters that are refused in one-line fields and allowed where text may span lines. */
export const lineBreakText = {
  "CR/LF header injection": "Casey Rivera\r\nBcc: everyone@example.test",
  "bare LF": "Casey\nRivera",
  tab: "Casey\tRivera",
  "line separator": "Casey\u2028Rivera",
} as const;

export const storedText = {
  "script tag": "<script>alert(document.cookie)</script>",
  "image onerror": '<img src=x onerror="alert(1)">',
  "closing tag and attribute break": '"><svg onload=alert(1)>',
  "SQL-like text": "Robert'); DROP TABLE users;--",
  "SQL comment and quote": "1' OR '1'='1' -- ",
  "LIKE wildcards": "100% _real_ \\ name",
  "emoji ZWJ sequence": "Crew \ud83d\udc69\u200d\ud83d\udc69\u200d\ud83d\udc67\u200d\ud83d\udc66 family",
  "flag and skin tone": "Go \ud83c\uddec\ud83c\udde7 \ud83d\udc4d\ud83c\udffd",
  "combining marks": "Zoe\u0308 Z\u0361a\u0334\u0327lgo",
  "right-to-left script": "\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627",
  "astral CJK": "\ud840\udc0b\ud840\udc0c name",
  "template and entity text": "{{7*7}} ${7*7} &lt;b&gt; &#60;",
} as const;

/** Text with every kind of piece mixed together, for property tests. */
const pieces = [...Object.values(refusedText), ...Object.values(lineBreakText), ...Object.values(storedText)];

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));
const control = fc
  .integer({ min: 0, max: 0x9f })
  .filter((code) => code < 0x20 || code >= 0x7f)
  .map((code) => String.fromCharCode(code));
const bidi = fc.constantFrom("\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069");

/** Any text a client could send: printable, full Unicode, graphemes, lone surrogates, control and bidi characters, catalogue pieces. */
export function hostileString(maxLength = 60): fc.Arbitrary<string> {
  const unit = fc.oneof(
    { weight: 6, arbitrary: fc.string({ unit: "grapheme-ascii", maxLength: 1, minLength: 1 }) },
    { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 1, minLength: 1 }) },
    { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 1, minLength: 1 }) },
    { weight: 1, arbitrary: loneSurrogate },
    { weight: 1, arbitrary: control },
    { weight: 1, arbitrary: bidi },
    { weight: 1, arbitrary: fc.constantFrom(" ", "\n", "\r\n", "\t", "\u2028") },
    { weight: 1, arbitrary: fc.constantFrom(...pieces) },
  );
  return fc.oneof(
    fc.array(unit, { maxLength }).map((parts) => parts.join("")),
    fc.string({ unit: "binary", maxLength }),
    fc.constantFrom(...pieces),
  );
}

/** The mass-assignment fields an attacker adds to a form, hoping a mutation spreads them into a row. */
export const massAssignment = {
  id: "00000000-0000-4000-8000-000000000000",
  userId: "00000000-0000-4000-8000-000000000001",
  senderId: "00000000-0000-4000-8000-000000000002",
  ownerId: "00000000-0000-4000-8000-000000000003",
  role: "ADMIN",
  status: "APPROVED",
  hiddenAt: "2020-01-01T00:00:00Z",
  publishedAt: "2020-01-01T00:00:00Z",
  suspendedAt: "2020-01-01T00:00:00Z",
  shareToken: "attacker-chosen-token",
  lastSeq: "999999",
  createdAt: "1999-01-01T00:00:00Z",
} as const;

/** Characters no stored or accepted text may hold (newline and tab are judged per field). */
export const FORBIDDEN_CHARACTER =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
