/** Markdown handling shared by the renderers: heading levels and footnote labels. */

const FENCE = /^(```|~~~)/;

/** Applies `change` to every line outside fenced code blocks. */
function mapProseLines(markdown: string, change: (line: string) => string): string {
  let fenced = false;
  return markdown
    .split("\n")
    .map((line) => {
      if (FENCE.test(line.trimStart())) {
        fenced = !fenced;
        return line;
      }
      return fenced ? line : change(line);
    })
    .join("\n");
}

/** Moves ATX headings down by `levels` (at most to level 6), so a text nests under its heading. */
export function shiftHeadings(markdown: string, levels: number): string {
  return mapProseLines(markdown, (line) =>
    line.replace(/^(#{1,6})(?=\s)/, (hashes) => "#".repeat(Math.min(6, hashes.length + levels))),
  );
}

/** Prefixes footnote labels, so the footnotes of several texts in one document stay apart. */
export function prefixFootnotes(markdown: string, prefix: string): string {
  return mapProseLines(markdown, (line) => line.replace(/\[\^([^\]\s]+)\]/g, `[^${prefix}-$1]`));
}
