import { describe, expect, it } from "vitest";
import { formatCount } from "./plural";

describe("formatCount", () => {
  it("uses the singular for exactly one", () => {
    expect(formatCount(1, "talent")).toBe("1 talent");
  });

  it("uses the plural for none and for many, with thousands separated", () => {
    expect(formatCount(0, "talent")).toBe("0 talents");
    expect(formatCount(128, "talent")).toBe("128 talents");
    expect(formatCount(1500, "talent")).toBe("1,500 talents");
  });

  it("takes an irregular plural", () => {
    expect(formatCount(1, "company", "companies")).toBe("1 company");
    expect(formatCount(3, "company", "companies")).toBe("3 companies");
  });
});
