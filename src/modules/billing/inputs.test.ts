import { describe, expect, it } from "vitest";
import { checkoutInput, returnPathInput, testCheckoutInput } from "./inputs";

describe("the return path after checkout", () => {
  it("accepts pages of this site, with their query", () => {
    for (const path of [
      "/talents/7f1c1f5e-1111-4c4c-8888-000000000001?then=message",
      "/contact-requests/new?profile=x",
      "/",
    ]) {
      expect(returnPathInput.safeParse(path).success).toBe(true);
    }
  });

  it("refuses anything that could leave the site or is not a plain path", () => {
    for (const path of [
      "https://evil.example/",
      "//evil.example",
      "/\\evil.example",
      "\\\\evil.example",
      "javascript:alert(1)",
      "talents/1",
      "/talents/\u0000",
      "/talents/\nSet-Cookie:x",
      "/ talents",
      "/caf\u00e9",
      `/${"x".repeat(300)}`,
      "",
    ]) {
      expect(returnPathInput.safeParse(path).success, path).toBe(false);
    }
  });

  it("is optional in a checkout: an empty or absent field means none", () => {
    expect(checkoutInput.parse({ plan: "PROFESSIONAL", interval: "month", returnTo: "" }).returnTo).toBeUndefined();
    expect(checkoutInput.parse({ plan: "PROFESSIONAL", interval: "month", returnTo: null }).returnTo).toBeUndefined();
    expect(checkoutInput.parse({ plan: "PROFESSIONAL", interval: "month" }).returnTo).toBeUndefined();
    const sessionId = "7f1c1f5e-1111-4c4c-8888-000000000001";
    expect(testCheckoutInput.parse({ sessionId, outcome: "pay", returnTo: "/talents/1" }).returnTo).toBe("/talents/1");
    expect(testCheckoutInput.safeParse({ sessionId, outcome: "pay", returnTo: "//evil.example" }).success).toBe(false);
  });
});
