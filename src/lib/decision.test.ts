import { describe, expect, it } from "vitest";
import { allow, deny, enforce } from "./decision";
import { AppError } from "./errors";

describe("a policy decision", () => {
  it("passes an allowed decision", () => {
    expect(allow()).toEqual({ allowed: true });
    expect(() => enforce(allow())).not.toThrow();
  });

  it("throws a refusal as the AppError of its code and message", () => {
    const refusal = deny("subscription_required", "Subscribe to contact talents.");
    expect(refusal).toEqual({
      allowed: false,
      code: "subscription_required",
      message: "Subscribe to contact talents.",
    });
    let thrown: unknown;
    try {
      enforce(refusal);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect(thrown).toMatchObject({
      code: "subscription_required",
      message: "Subscribe to contact talents.",
      status: 402,
    });
  });
});
