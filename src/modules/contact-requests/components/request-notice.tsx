import Link from "next/link";
import type { RequestBlock } from "../types";

/**
 * Why a request cannot be sent now, shown in place of the form before anything
 * is filled in, with the pending request to open or the list of sent requests.
 */
export function RequestBlockedNotice({ block }: { block: RequestBlock }) {
  return (
    <div
      data-testid="request-blocked"
      className="space-y-2 rounded-xl border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900"
    >
      <p className="font-medium">{block.message}</p>
      {block.pendingRequestId ? (
        <Link
          href={`/contact-requests/${block.pendingRequestId}`}
          className="inline-block font-medium text-brand-700 underline"
        >
          Open your pending request
        </Link>
      ) : (
        <Link href="/contact-requests/sent" className="inline-block font-medium text-brand-700 underline">
          See the requests you sent
        </Link>
      )}
    </div>
  );
}
