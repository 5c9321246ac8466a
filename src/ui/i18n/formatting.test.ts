import { describe, expect, it } from "vitest";
import { formattersFor } from "./formatting.ts";

describe("dates in the reader's language and zone", () => {
  it("writes a calendar day as that day in every time zone", () => {
    for (const zone of [
      "America/Mexico_City",
      "America/Lima",
      "UTC",
      "Asia/Tokyo",
      "Pacific/Auckland",
    ]) {
      expect(formattersFor("en", zone).date("2024-05-01"), zone).toBe("May 1, 2024");
      expect(formattersFor("fr", zone).date("2024-05-01"), zone).toBe("1 mai 2024");
    }
  });

  it("writes a moment's date and time in the reader's zone", () => {
    const moment = "2026-03-12T03:30:00.000Z";
    expect(formattersFor("en", "UTC").date(moment)).toBe("Mar 12, 2026");
    // Still the evening before in Mexico City (UTC−6).
    expect(formattersFor("en", "America/Mexico_City").date(moment)).toBe("Mar 11, 2026");
    expect(formattersFor("es", "America/Mexico_City").dateTime(moment)).toMatch(
      /^11 mar 2026, 21:30/,
    );
  });
});
