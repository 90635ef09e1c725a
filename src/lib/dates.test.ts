import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatDayMonth, formatHour, formatTime } from "./dates";

const instant = new Date("2026-03-08T14:05:09Z");

describe("dates shown in the viewer's zone", () => {
  it("prints one instant as each zone reads it, in the product locale", () => {
    expect(formatDateTime(instant, "UTC")).toBe("8 Mar 2026, 14:05");
    expect(formatDateTime(instant, "America/Los_Angeles")).toBe("8 Mar 2026, 07:05");
    expect(formatDateTime(instant, "Asia/Tokyo")).toBe("8 Mar 2026, 23:05");
    expect(formatDateTime(instant, "Asia/Calcutta")).toBe("8 Mar 2026, 19:35");
  });

  it("puts an instant on the calendar day of the zone, not of UTC", () => {
    const lateEvening = new Date("2026-03-09T02:30:00Z");
    expect(formatDate(lateEvening, "UTC")).toBe("9 Mar 2026");
    expect(formatDate(lateEvening, "America/New_York")).toBe("8 Mar 2026");
    expect(formatDate(lateEvening, "Pacific/Auckland", { month: "long" })).toBe("9 March 2026");
    expect(formatDayMonth(new Date("2026-12-31T23:30:00Z"), "Asia/Tokyo")).toBe("1 Jan");
  });

  it("follows daylight saving time on the days it starts and ends", () => {
    // New York moves from UTC-5 to UTC-4 at 07:00 UTC on 8 March 2026, and back at 06:00 UTC on 1 November.
    expect(formatTime(new Date("2026-03-08T06:59:00Z"), "America/New_York")).toBe("01:59");
    expect(formatTime(new Date("2026-03-08T07:00:00Z"), "America/New_York")).toBe("03:00");
    expect(formatTime(new Date("2026-11-01T05:30:00Z"), "America/New_York")).toBe("01:30");
    expect(formatTime(new Date("2026-11-01T06:30:00Z"), "America/New_York")).toBe("01:30");
    expect(formatTime(new Date("2026-03-29T01:00:00Z"), "Europe/London")).toBe("02:00");
  });

  it("can leave out the year, add seconds and name the zone", () => {
    expect(formatDateTime(instant, "UTC", { year: false })).toBe("8 Mar, 14:05");
    expect(formatDateTime(instant, "UTC", { seconds: true })).toBe("8 Mar 2026, 14:05:09");
    expect(formatDateTime(instant, "UTC", { zone: true })).toBe("8 Mar 2026, 14:05 UTC");
    expect(formatTime(instant, "America/Los_Angeles", { zone: true })).toBe("07:05 GMT-7");
    expect(formatDateTime(instant.toISOString(), "UTC")).toBe("8 Mar 2026, 14:05");
  });

  it("prints midnight on a 24-hour clock and an hour setting with two digits", () => {
    expect(formatTime(new Date("2026-03-08T00:05:00Z"), "UTC")).toBe("00:05");
    expect(formatHour(8)).toBe("08:00");
    expect(formatHour(23)).toBe("23:00");
  });
});
