import { describe, expect, it } from "vitest";
import { isUuid } from "@/lib/text-input";
import { timeOrderedId } from "./ids";

describe("timeOrderedId", () => {
  it("is a version 7 UUID, and later ids sort after earlier ones", () => {
    const ids = Array.from({ length: 1_000 }, () => timeOrderedId());
    for (const id of ids) {
      expect(isUuid(id)).toBe(true);
      expect(id[14]).toBe("7");
    }
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
