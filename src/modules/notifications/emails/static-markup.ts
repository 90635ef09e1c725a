import type { ReactNode } from "react";
import { escapeHtml } from "../email";

/*
 * Email HTML from a React element tree, without react-dom/server. Email is
 * rendered by the worker, which runs under the react-server export condition
 * (inside the server's instrumentation layer and as `npm run worker`), where
 * react-dom/server refuses to load (decision record 022). Email templates are
 * static: host elements, function components, forwardRef and memo wrappers and
 * fragments, with no state, effects, context or suspense, so writing that tree
 * out takes a page of code. The output follows react-dom/server's static
 * markup (attribute names, style serialisation, escaping, void elements,
 * blocked javascript: URLs); a test holds the two equal for every email.
 */

const ELEMENT = Symbol.for("react.transitional.element");
const LEGACY_ELEMENT = Symbol.for("react.element");
const FRAGMENT = Symbol.for("react.fragment");
const FORWARD_REF = Symbol.for("react.forward_ref");
const MEMO = Symbol.for("react.memo");

const voidElements = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "keygen",
  "link",
  "meta",
  "param",
  "source",
  "track",
  "wbr",
]);

/** Attributes React writes as a bare name when true and leaves out when false. */
const booleanAttributes = new Set([
  "allowFullScreen",
  "async",
  "autoFocus",
  "autoPlay",
  "checked",
  "controls",
  "default",
  "defer",
  "disabled",
  "formNoValidate",
  "hidden",
  "loop",
  "multiple",
  "muted",
  "noModule",
  "noValidate",
  "open",
  "playsInline",
  "readOnly",
  "required",
  "reversed",
  "scoped",
  "seamless",
  "selected",
  "itemScope",
]);

const attributeAliases = new Map([
  ["className", "class"],
  ["htmlFor", "for"],
  ["httpEquiv", "http-equiv"],
  ["acceptCharset", "accept-charset"],
  ["crossOrigin", "crossorigin"],
]);

/** Style properties whose numbers take no "px" (react-dom's list). */
const unitlessNumbers = new Set(
  (
    "animationIterationCount aspectRatio borderImageOutset borderImageSlice borderImageWidth boxFlex boxFlexGroup " +
    "boxOrdinalGroup columnCount columns flex flexGrow flexPositive flexShrink flexNegative flexOrder gridArea " +
    "gridRow gridRowEnd gridRowSpan gridRowStart gridColumn gridColumnEnd gridColumnSpan gridColumnStart " +
    "fontWeight lineClamp lineHeight opacity order orphans scale tabSize widows zIndex zoom fillOpacity " +
    "floodOpacity stopOpacity strokeDasharray strokeDashoffset strokeMiterlimit strokeOpacity strokeWidth"
  ).split(" "),
);

/** Props that are not attributes. */
const reservedProps = new Set([
  "children",
  "dangerouslySetInnerHTML",
  "key",
  "ref",
  "suppressHydrationWarning",
  "suppressContentEditableWarning",
  "defaultValue",
  "defaultChecked",
]);

const javascriptUrl =
  /^[\u0000-\u001F ]*j[\r\n\t]*a[\r\n\t]*v[\r\n\t]*a[\r\n\t]*s[\r\n\t]*c[\r\n\t]*r[\r\n\t]*i[\r\n\t]*p[\r\n\t]*t[\r\n\t]*:/i;
const blockedUrl = "javascript:throw new Error('React has blocked a javascript: URL as a security precaution.')";
const urlAttributes = new Set(["href", "src", "action", "formAction", "xlinkHref"]);
const safeAttributeName = /^[a-zA-Z:_][a-zA-Z0-9:_.\-]*$/;

type Props = Record<string, unknown>;
type Element = { $$typeof: symbol; type: unknown; props: Props };

function isElement(node: unknown): node is Element {
  return (
    typeof node === "object" &&
    node !== null &&
    ((node as Element).$$typeof === ELEMENT || (node as Element).$$typeof === LEGACY_ELEMENT)
  );
}

function styleText(style: Record<string, unknown>): string {
  const declarations: string[] = [];
  for (const [name, value] of Object.entries(style)) {
    if (value === null || value === undefined || typeof value === "boolean" || value === "") continue;
    if (name.startsWith("--")) {
      declarations.push(`${escapeHtml(name)}:${escapeHtml(String(value).trim())}`);
      continue;
    }
    const property = name
      .replace(/([A-Z])/g, "-$1")
      .toLowerCase()
      .replace(/^ms-/, "-ms-");
    const text =
      typeof value === "number"
        ? value === 0 || unitlessNumbers.has(name)
          ? String(value)
          : `${value}px`
        : escapeHtml(String(value).trim());
    declarations.push(`${escapeHtml(property)}:${text}`);
  }
  return declarations.join(";");
}

function attributes(props: Props): string {
  let out = "";
  for (const [name, value] of Object.entries(props)) {
    if (reservedProps.has(name) || value === null || value === undefined) continue;
    if (typeof value === "function" || typeof value === "symbol") continue;
    if (/^on[A-Z]/.test(name) || !safeAttributeName.test(name)) continue;
    if (name === "style") {
      const text = styleText(value as Record<string, unknown>);
      if (text) out += ` style="${text}"`;
      continue;
    }
    const attribute = attributeAliases.get(name) ?? name;
    const isDataOrAria = name.startsWith("data-") || name.startsWith("aria-");
    if (booleanAttributes.has(name)) {
      if (value) out += ` ${attribute}=""`;
      continue;
    }
    if (typeof value === "boolean" && !isDataOrAria) continue;
    const text = urlAttributes.has(name) && javascriptUrl.test(String(value)) ? blockedUrl : String(value);
    out += ` ${attribute}="${escapeHtml(text)}"`;
  }
  return out;
}

function write(node: ReactNode | unknown, out: string[]): void {
  if (node === null || node === undefined || typeof node === "boolean") return;
  if (typeof node === "string") {
    out.push(escapeHtml(node));
    return;
  }
  if (typeof node === "number" || typeof node === "bigint") {
    out.push(String(node));
    return;
  }
  if (Array.isArray(node)) {
    for (const child of node) write(child, out);
    return;
  }
  if (!isElement(node)) {
    if (typeof node === "object" && Symbol.iterator in node) {
      for (const child of node as Iterable<unknown>) write(child, out);
      return;
    }
    throw new Error(`An email template rendered something that is not markup: ${String(node)}`);
  }
  const { type, props } = node;
  if (typeof type === "string") {
    out.push(`<${type}${attributes(props)}`);
    if (voidElements.has(type)) {
      out.push("/>");
      return;
    }
    out.push(">");
    const inner = props.dangerouslySetInnerHTML as { __html?: unknown } | undefined;
    if (inner && inner.__html !== undefined && inner.__html !== null) out.push(String(inner.__html));
    else write(props.children, out);
    out.push(`</${type}>`);
    return;
  }
  if (type === FRAGMENT) {
    write(props.children, out);
    return;
  }
  if (typeof type === "function") {
    if ((type as { prototype?: { isReactComponent?: unknown } }).prototype?.isReactComponent)
      throw new Error("Email templates are function components: class components are not rendered");
    write((type as (props: Props) => unknown)(props), out);
    return;
  }
  if (typeof type === "object" && type !== null) {
    const wrapper = type as { $$typeof?: symbol; render?: (props: Props, ref: null) => unknown; type?: unknown };
    if (wrapper.$$typeof === FORWARD_REF && wrapper.render) {
      write(wrapper.render(props, null), out);
      return;
    }
    if (wrapper.$$typeof === MEMO) {
      write({ ...node, type: wrapper.type }, out);
      return;
    }
  }
  throw new Error("Email templates use host elements, function components, forwardRef, memo and fragments only");
}

/** The HTML of an element tree, as react-dom/server's renderToStaticMarkup writes it. */
export function renderStaticMarkup(node: ReactNode): string {
  const out: string[] = [];
  write(node, out);
  return out.join("");
}
