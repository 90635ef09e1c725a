import { describe, expect, it } from "vitest";
import { demoTalents } from "./demo";

describe("demo talents", () => {
  it("are based where their bio says they are", () => {
    for (const { profile } of demoTalents()) expect(profile.bio).toContain(`based in ${profile.city}`);
  });

  it("start with talent@ in Los Angeles", () => {
    const [first] = demoTalents();
    expect(first?.user.email).toBe("talent@callback.test");
    expect(first?.profile.city).toBe("Los Angeles");
    expect(first?.profile.bio).toContain("based in Los Angeles");
  });
});
