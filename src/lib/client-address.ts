import { isIP } from "node:net";

/**
 * The one client address the app may trust, decided by the production server
 * before the request reaches the app. X-Forwarded-For is a chain: whatever the
 * client sent first, then each proxy appends the address it received the
 * request from; the socket's own peer is the last hop. Only the entries added
 * by proxies we run can be believed, so with `trustedHops` proxies in front of
 * the app the client is the entry that many hops from the right of the chain
 * with the socket address appended. With no proxy (0, the default) it is the
 * socket address and the header is ignored entirely.
 *
 * A chain shorter than the proxies configured (a request that skipped a proxy)
 * gives its leftmost entry; an entry that is not an IP address gives the
 * socket address, so no text a client makes up can become a rate-limit key.
 */
export function trustedClientAddress(
  forwardedFor: string | string[] | undefined,
  socketAddress: string | undefined,
  trustedHops: number,
): string {
  const peer = normalizeAddress(socketAddress) ?? "unknown";
  if (trustedHops <= 0) return peer;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  const chain = [
    ...header
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean),
    peer,
  ];
  const picked = chain[Math.max(0, chain.length - 1 - trustedHops)];
  return normalizeAddress(picked) ?? peer;
}

/** An IP address in one spelling (IPv4-mapped IPv6 as plain IPv4), or null for anything else. */
export function normalizeAddress(address: string | undefined): string | null {
  if (!address) return null;
  const bare = address.trim().replace(/^\[(.*)\]$/, "$1");
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(bare)?.[1];
  const candidate = mapped ?? bare;
  return isIP(candidate) ? candidate.toLowerCase() : null;
}
