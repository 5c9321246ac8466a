import { describe, expect, it } from "vitest";
import { addressOf, addressOfFilters } from "../catalogue/catalogue-filters.ts";
import { fromLocalInput, toLocalInput } from "../deadlines.ts";
import { minorDigitsOf, toMajorUnits, toMinorUnits } from "../money.ts";
import { bodyOf, checkDraft, emptyDraft } from "./challenge-draft.ts";

const t = ((key: string) => key) as never;

describe("money typed in major units", () => {
  it("becomes whole minor units, by the currency's own digits", () => {
    expect(toMinorUnits("250000", "EUR")).toBe(25_000_000);
    expect(toMinorUnits("1 000,50", "EUR")).toBe(100_050);
    expect(toMinorUnits("0.1", "EUR")).toBe(10);
    expect(toMinorUnits("5000", "JPY")).toBe(5000);
    expect(minorDigitsOf("KWD")).toBe(3);
    expect(toMinorUnits("abc", "EUR")).toBeNull();
    expect(toMinorUnits("-5", "EUR")).toBeNull();
    expect(toMajorUnits(100_050, "EUR")).toBe("1000.5");
  });
});

describe("deadlines typed in the browser's zone", () => {
  it("round-trip between datetime-local values and ISO instants", () => {
    const iso = fromLocalInput("2027-03-01T09:30");
    expect(iso).toMatch(/^2027-0[23]-\d{2}T\d{2}:\d{2}:00\.000Z$/);
    expect(toLocalInput(iso)).toBe("2027-03-01T09:30");
    expect(fromLocalInput("")).toBeUndefined();
  });
});

describe("a challenge draft", () => {
  it("is checked like the contract checks it, with the server's field paths", () => {
    const errors = checkDraft(
      {
        ...emptyDraft,
        title: "Shade",
        kpis: [{ metric: "Heat", baseline: "x", target: "", unit: "" }],
        budgetMin: "10",
        budgetMax: "5",
        contacts: [{ name: "Ida", role: "", email: "ida" }],
      },
      t,
      true,
    );
    expect(Object.keys(errors).sort()).toEqual(
      [
        "organisationId",
        "summary",
        "sectors",
        "procurementModel",
        "kpis.0.baseline",
        "kpis.0.target",
        "kpis.0.unit",
        "budget.maxMinor",
        "contacts.0.email",
      ].sort(),
    );
  });

  it("becomes the API's body: empty rows dropped, money in minor units, no budget when blank", () => {
    const body = bodyOf({
      ...emptyDraft,
      title: " Cooler bus stops ",
      sectors: ["adaptation"],
      procurementModel: "pilot_agreement",
      kpis: [
        { metric: "Shade", baseline: "", target: "40", unit: "stops" },
        { metric: "", baseline: "", target: "", unit: "" },
      ],
      budgetMin: "1000",
      currency: "dkk",
    });
    expect(body.title).toBe("Cooler bus stops");
    expect(body.kpis).toEqual([{ metric: "Shade", baseline: null, target: 40, unit: "stops" }]);
    expect(body.budget).toEqual({ minMinor: 100_000, maxMinor: 100_000, currency: "DKK" });
    expect(body.contacts).toEqual([]);
    expect(body.timeline).toEqual({});
    expect(bodyOf({ ...emptyDraft, procurementModel: "pilot_agreement" }).budget).toBeNull();
  });
});

describe("the catalogue's address", () => {
  it("repeats list filters and round-trips a saved search's filters", () => {
    const filters = { q: "leak", sector: ["water" as const, "data" as const], trl: 6 };
    expect(addressOfFilters(filters)).toBe("?q=leak&sector=water&sector=data&trl=6");
    expect(
      addressOf({
        q: "",
        sector: [],
        status: ["published"],
        model: [],
        region: "",
        cityId: "",
        trl: "",
        sort: "deadline",
        mine: true,
      }),
    ).toBe("?status=published&sort=deadline&scope=mine");
  });
});
