/**
 * Prints the HTML report to an A4 PDF with headless Chromium: tagged, with an outline from the
 * headings, the page's <title> as the document title and page numbers in the footer.
 */
import { accessSync, constants } from "node:fs";
import { chromium } from "playwright-core";
import { UserError } from "../domain/errors.js";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

const FOOTER = { nl: ["Pagina", "van"], en: ["Page", "of"] } as const;

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The Chromium to print with: KOERS_CHROMIUM when set (and then only that one), else the
 * Debian/Ubuntu locations; undefined when there is none.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const chosen = env.KOERS_CHROMIUM;
  if (chosen) return isExecutable(chosen) ? chosen : undefined;
  return CANDIDATES.find(isExecutable);
}

/** The switches for a headless Chromium without network chatter (and without sandbox as root). */
export function chromiumArgs(): string[] {
  return [
    ...(process.getuid?.() === 0 ? ["--no-sandbox"] : []),
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    // Headless Chromium otherwise builds its address bar's pop-up, a page of its own, for each
    // new page: a second of processor time on a 2-core machine that the page then waits for.
    "--disable-features=WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup,PreloadTopChromeWebUI",
  ];
}

function missingChromium(path: string | undefined): UserError {
  const problem = path
    ? `${path} is not an executable`
    : `none was found (KOERS_CHROMIUM is not set; looked for ${CANDIDATES.join(" and ")})`;
  return new UserError(
    `PDF output needs Chromium, but ${problem}. Install it with \`apt-get install chromium\` (Debian/Ubuntu), or set KOERS_CHROMIUM to the browser's path.`,
  );
}

export async function renderPdf(
  html: string,
  options: { title: string; language: "nl" | "en"; chromium?: string },
): Promise<Uint8Array> {
  const executablePath = options.chromium ?? findChromium();
  if (!executablePath || !isExecutable(executablePath)) {
    throw missingChromium(executablePath ?? process.env.KOERS_CHROMIUM);
  }
  const browser = await chromium.launch({ executablePath, args: chromiumArgs() });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: "load" });
    // Chromium takes the PDF's title from the page's; make sure it is the report's.
    await page.evaluate((title) => {
      (globalThis as unknown as { document: { title: string } }).document.title = title;
    }, options.title);
    await page.emulateMedia({ media: "print" });
    const [page_, of] = FOOTER[options.language];
    return await page.pdf({
      format: "A4",
      printBackground: true,
      tagged: true,
      outline: true,
      displayHeaderFooter: true,
      headerTemplate: "<span></span>",
      footerTemplate: `<div style="width:100%;text-align:center;font-size:8pt;color:#4a4a4a;font-family:'Noto Sans',Arial,sans-serif">${page_} <span class="pageNumber"></span> ${of} <span class="totalPages"></span></div>`,
      margin: { top: "18mm", right: "15mm", bottom: "20mm", left: "15mm" },
    });
  } finally {
    await browser.close();
  }
}
