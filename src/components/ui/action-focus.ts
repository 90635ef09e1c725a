"use client";

/*
 * Where keyboard focus goes after an action. A button that ran an action is
 * often gone afterwards (the form is rendered afresh, the page revalidated
 * into its next state), and focus would fall to <body>: the person would
 * start again from the top of the page. So after every action focus moves to
 * its result: the first invalid field or the error of a refusal; on success
 * the confirmation the component shows, else its control in its new state,
 * else (the component is gone) the page's result (an element marked
 * data-action-result, such as a request's new status), else the page's heading.
 */

let lastActionAt = 0;

/** An action starts: the page may be revalidated into its next state before its result is back. */
export function noteActionStarted() {
  lastActionAt = Date.now();
}

/** Focus is nowhere useful: on the page body, or on a control that is disabled or gone. */
export function isFocusLost(): boolean {
  const active = document.activeElement;
  return !active || active === document.body || !active.isConnected || active.matches(":disabled");
}

/** An action started or finished a moment ago: a page result that appears now takes focus. */
export function isAfterAction(): boolean {
  return Date.now() - lastActionAt < 10_000;
}

function isUsable(element: Element | null | undefined): element is HTMLElement {
  if (!(element instanceof HTMLElement) || !element.isConnected || element.matches(":disabled")) return false;
  // A result region says something only once it has text.
  return !element.matches("[data-action-result]") || Boolean(element.textContent?.trim());
}

/** The part of the page an action was started from: the parent of the form (a form is rendered afresh after it). */
export function actionOrigin(): HTMLElement | null {
  noteActionStarted();
  if (typeof document === "undefined") return null;
  const active = document.activeElement;
  const form = active instanceof HTMLElement ? active.closest("form") : null;
  return form?.parentElement ?? (active instanceof HTMLElement ? active.parentElement : null);
}

function focusElement(element: HTMLElement) {
  if (!element.matches("a[href], button, input, select, textarea, [tabindex]")) element.tabIndex = -1;
  element.focus();
}

/**
 * The element that shows an action's outcome, looked for in the component's
 * own part of the page first; the page's heading only when nothing else came.
 */
function resultOf(container: HTMLElement | null, isFailure: boolean, mayFallBack: boolean): HTMLElement | null {
  const own = container?.isConnected ? container : null;
  const candidates = isFailure
    ? [own?.querySelector('[aria-invalid="true"]'), own?.querySelector('[role="alert"]')]
    : [
        own?.querySelector("[data-action-result]"),
        own?.querySelector("button, a[href]"),
        document.querySelector("main [data-action-result]"),
        mayFallBack ? document.querySelector("main h1") : null,
      ];
  return candidates.find(isUsable) ?? null;
}

/** Whether focus is on the page heading, where it went for want of a result: a result that appears now takes it. */
export function isOnFallback(): boolean {
  return Boolean(document.activeElement?.matches("main h1"));
}

/**
 * Moves focus to an action's result once React has shown it: frame by frame,
 * while the component's controls are still disabled by the pending action or
 * the revalidated page is not yet in place, for up to about a second.
 * `container` is the component's part of the page; it may be gone by then.
 */
export function focusActionResult(container: HTMLElement | null, outcome: { ok: boolean }) {
  lastActionAt = Date.now();
  if (typeof window === "undefined") return;
  let frames = 0;
  const attempt = () => {
    const target = resultOf(container, !outcome.ok, frames >= 30);
    if (target) focusElement(target);
    else if (++frames <= 60) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
}
