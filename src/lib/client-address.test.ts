import { describe, expect, it } from "vitest";
import { normalizeAddress, trustedClientAddress } from "./client-address";

describe("trustedClientAddress", () => {
  it("uses the socket address and ignores X-Forwarded-For when no proxy is trusted", () => {
    expect(trustedClientAddress("203.0.113.9", "198.51.100.4", 0)).toBe("198.51.100.4");
    expect(trustedClientAddress(undefined, "198.51.100.4", 0)).toBe("198.51.100.4");
  });

  it("takes the entry the one trusted proxy appended, not what the client wrote before it", () => {
    // The client sent "203.0.113.9" itself; the balancer (10.0.0.2) appended the real peer 198.51.100.4.
    expect(trustedClientAddress("203.0.113.9, 198.51.100.4", "10.0.0.2", 1)).toBe("198.51.100.4");
    expect(trustedClientAddress("198.51.100.4", "10.0.0.2", 1)).toBe("198.51.100.4");
  });

  it("counts hops from the right with two proxies in front", () => {
    // client spoof, real client (added by the CDN), CDN edge (added by the balancer); socket = balancer
    expect(trustedClientAddress("203.0.113.9, 198.51.100.4, 192.0.2.7", "10.0.0.2", 2)).toBe("198.51.100.4");
  });

  it("reads a header sent several times as one chain", () => {
    expect(trustedClientAddress(["203.0.113.9", "198.51.100.4"], "10.0.0.2", 1)).toBe("198.51.100.4");
  });

  it("gives the leftmost entry when the chain is shorter than the proxies configured", () => {
    expect(trustedClientAddress(undefined, "198.51.100.4", 1)).toBe("198.51.100.4");
    expect(trustedClientAddress("198.51.100.4", "10.0.0.2", 3)).toBe("198.51.100.4");
  });

  it("never turns made-up text into an address", () => {
    expect(trustedClientAddress("203.0.113.9, not-an-address", "10.0.0.2", 1)).toBe("10.0.0.2");
    expect(trustedClientAddress("sign-in:address:x", "10.0.0.2", 1)).toBe("10.0.0.2");
    expect(trustedClientAddress(undefined, undefined, 0)).toBe("unknown");
  });

  it("writes one client one way, whether it came over IPv4 or as an IPv4-mapped IPv6 peer", () => {
    expect(trustedClientAddress(undefined, "::ffff:127.0.0.1", 0)).toBe("127.0.0.1");
    expect(normalizeAddress("[2001:DB8::1]")).toBe("2001:db8::1");
    expect(normalizeAddress("::1")).toBe("::1");
    expect(normalizeAddress("1.2.3.4:5678")).toBeNull();
  });
});
