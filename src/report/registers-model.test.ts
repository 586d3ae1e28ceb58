import { describe, expect, it } from "vitest";
import type { EarlyWarnings } from "./early-warnings.js";
import { type RegistersReport, withToleranceWarnings } from "./registers-model.js";

const registers: RegistersReport = {
  sections: [],
  toleranceWarnings: [
    { id: "huurtoeslag", title: "Huurtoeslag", detail: "verwacht: ⚠ overschrijding van € 30" },
  ],
};

describe("tolerance excesses as early warnings", () => {
  it("join the forecasts' section when there is one", () => {
    const forecasts: EarlyWarnings = {
      heading: "Vroegsignalering",
      introduction: "Deze prestatie-indicatoren …",
      rows: [],
      section: {
        anchor: "vroegsignalering",
        heading: "Vroegsignalering",
        markdown: "Voorspelling.",
      },
    };
    const merged = withToleranceWarnings(forecasts, registers, "nl");
    expect(merged?.introduction).toBe(forecasts.introduction);
    expect(merged?.section.markdown).toMatch(
      /^Voorspelling\.\n\nRechtmatigheid: bij deze begrotingsartikelen/,
    );
    expect(merged?.section.markdown).toContain(
      "- **Huurtoeslag**: verwacht: ⚠ overschrijding van € 30",
    );
  });

  it("make a section of their own when no indicator is forecast to miss", () => {
    const own = withToleranceWarnings(null, registers, "en");
    expect(own?.heading).toBe("Early warnings");
    expect(own?.rows).toEqual([]);
    expect(own?.section.markdown).toContain(
      "The status of the indicator on lawful awarding changes only",
    );
  });

  it("leave the early warnings as they are without an excess", () => {
    expect(withToleranceWarnings(null, { sections: [], toleranceWarnings: [] }, "nl")).toBeNull();
    expect(withToleranceWarnings(null, null, "nl")).toBeNull();
  });
});
