/**
 * The first thing a keyboard reaches on every page: a link past the header to the page's main element
 * (`<main id="main" tabIndex={-1}>`), hidden until it has focus.
 */
export function SkipLink() {
  return (
    <a
      href="#main"
      className="sr-only z-50 rounded-lg bg-white px-4 py-2 text-sm font-semibold text-brand-700 shadow-lg ring-1 ring-stone-300 focus:not-sr-only focus:fixed focus:left-3 focus:top-3"
    >
      Skip to content
    </a>
  );
}

/** The id of every page's main element, the skip link's target. */
export const MAIN_ID = "main";
