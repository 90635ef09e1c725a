export function TestModeNotice() {
  return (
    <p
      role="note"
      className="rounded-xl border border-amber-300 bg-amber-50 px-4 py-2 text-sm font-medium text-amber-900"
      data-testid="test-mode"
    >
      Test mode - no payment is taken. Stripe is not configured on this server, so checkout happens on a local test
      page.
    </p>
  );
}
