import { describe, expect, it } from "vitest";
import { canonicalTimeZone, isTimeZone, timeZoneCity, timeZoneGroups, utcOffsetLabel } from "./time-zones";

describe("time zones an account may choose", () => {
  it("accepts IANA zones and UTC as they are", () => {
    expect(canonicalTimeZone("America/Los_Angeles")).toBe("America/Los_Angeles");
    expect(canonicalTimeZone("Asia/Tokyo")).toBe("Asia/Tokyo");
    expect(canonicalTimeZone("UTC")).toBe("UTC");
    expect(isTimeZone("Europe/London")).toBe(true);
  });

  it("turns aliases into the name the list uses", () => {
    expect(canonicalTimeZone("Etc/UTC")).toBe("UTC");
    expect(canonicalTimeZone("US/Eastern")).toBe("America/New_York");
    expect(isTimeZone(canonicalTimeZone("Asia/Kolkata"))).toBe(true);
    expect(isTimeZone("US/Eastern")).toBe(false);
  });

  it("refuses anything that is not a zone", () => {
    for (const value of [
      "",
      "Mars/Olympus_Mons",
      "+05:00",
      "Etc/GMT+5",
      "America/New_York\n",
      " Europe/Paris",
      "x".repeat(500),
      42,
      null,
    ])
      expect(canonicalTimeZone(value), String(value)).toBeNull();
  });

  it("lists every zone once, grouped by region, UTC first, with its offset", () => {
    const january = new Date("2026-01-15T12:00:00Z");
    const groups = timeZoneGroups(january);
    expect(groups[0]!.zones).toEqual([{ value: "UTC", label: "UTC (Coordinated Universal Time)" }]);
    const values = groups.flatMap((group) => group.zones.map((zone) => zone.value));
    expect(new Set(values).size).toBe(values.length);
    expect(values.every(isTimeZone)).toBe(true);
    const america = groups.find((group) => group.region === "America")!;
    expect(america.zones).toContainEqual({ value: "America/New_York", label: "New York (UTC-05:00)" });
    expect(utcOffsetLabel("America/New_York", new Date("2026-07-01T12:00:00Z"))).toBe("UTC-04:00");
    expect(utcOffsetLabel("Europe/London", january)).toBe("UTC+00:00");
    expect(timeZoneCity("America/Argentina/Buenos_Aires")).toBe("Argentina / Buenos Aires");
  });
});
