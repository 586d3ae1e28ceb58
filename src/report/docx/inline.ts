/** Markdown's inline tokens as Word runs: emphasis, code, links, line breaks and footnote marks. */
import {
  ExternalHyperlink,
  FootnoteReferenceRun,
  type IRunOptions,
  type ParagraphChild,
  TextRun,
} from "docx";
import type { Token } from "markdown-it";

/** How a footnote mark becomes a Word footnote: given markdown-it's footnote id, the Word id. */
export type FootnoteMark = (markdownId: number) => number | null;

interface Format {
  bold: boolean;
  italics: boolean;
  strike: boolean;
}

/** Only links that leave the document become hyperlinks; a Word file has no relative addresses. */
const EXTERNAL = /^(https?:|mailto:)/i;

function run(text: string, format: Format, link: boolean, extra: IRunOptions = {}): TextRun {
  return new TextRun({
    text,
    ...(format.bold ? { bold: true } : {}),
    ...(format.italics ? { italics: true } : {}),
    ...(format.strike ? { strike: true } : {}),
    ...(link ? { style: "Hyperlink" } : {}),
    ...extra,
  });
}

/** The runs of one inline token (a paragraph's, a heading's or a table cell's content). */
export function inlineRuns(inline: Token | undefined, footnote: FootnoteMark): ParagraphChild[] {
  const format: Format = { bold: false, italics: false, strike: false };
  /** The runs being collected: the paragraph's, and one more level inside each open link. */
  const stack: { runs: ParagraphChild[]; href: string | null }[] = [{ runs: [], href: null }];
  const top = () => stack[stack.length - 1] as { runs: ParagraphChild[]; href: string | null };
  const inLink = () => EXTERNAL.test(top().href ?? "");
  for (const token of inline?.children ?? []) {
    const runs = top().runs;
    switch (token.type) {
      case "text":
        if (token.content) runs.push(run(token.content, format, inLink()));
        break;
      case "strong_open":
      case "strong_close":
        format.bold = token.type === "strong_open";
        break;
      case "em_open":
      case "em_close":
        format.italics = token.type === "em_open";
        break;
      case "s_open":
      case "s_close":
        format.strike = token.type === "s_open";
        break;
      case "code_inline":
        runs.push(run(token.content, format, inLink(), { font: "Courier New" }));
        break;
      case "softbreak":
        runs.push(run(" ", format, inLink()));
        break;
      case "hardbreak":
        runs.push(new TextRun({ break: 1 }));
        break;
      case "image":
        runs.push(run(`[${token.content}]`, format, inLink()));
        break;
      case "footnote_ref": {
        const id = footnote((token.meta as { id: number }).id);
        if (id !== null) runs.push(new FootnoteReferenceRun(id));
        break;
      }
      case "link_open":
        stack.push({ runs: [], href: token.attrGet("href") });
        break;
      case "link_close": {
        const link = stack.pop();
        if (!link) break;
        top().runs.push(
          ...(link.href && EXTERNAL.test(link.href)
            ? [new ExternalHyperlink({ link: link.href, children: link.runs })]
            : link.runs),
        );
        break;
      }
      default:
        if (token.content) runs.push(run(token.content, format, inLink()));
    }
  }
  return stack[0]?.runs ?? [];
}
