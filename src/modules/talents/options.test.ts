import { describe, expect, it } from "vitest";
import { countries, countryName, isCountryCode } from "./options";

describe("countries", () => {
  it("use the names the product writes out, the same on the server and in the browser", () => {
    expect(countryName("HK")).toBe("Hong Kong");
    expect(countryName("US")).toBe("United States");
    expect(countryName("CI")).toBe("C\u00f4te d\u2019Ivoire");
  });

  it("are listed in the order of their names", () => {
    const names = countries.map((country) => country.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "en")));
  });

  it("know only ISO codes", () => {
    expect(isCountryCode("GB")).toBe(true);
    expect(isCountryCode("UK")).toBe(false);
    expect(countries.every((country) => /^[A-Z]{2}$/.test(country.code))).toBe(true);
  });
});
