import { writeFileSync } from "node:fs";
import { buildReport } from "./app/report.js";
import { readBundle } from "./bundle/read-bundle.js";
import { renderCharts } from "./report/chart.js";
import { renderDocx } from "./report/docx/document.js";

for (const lang of ["nl", "en"] as const) {
  const { model } = buildReport(readBundle("examples/toeslagen-2025"), "2025-10", lang);
  const bytes = await renderDocx(model, await renderCharts(model));
  writeFileSync(`/tmp/report-${lang}.docx`, bytes);
}
