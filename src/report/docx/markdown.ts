/**
 * Markdown (CommonMark with footnotes) as Word paragraphs: headings nested below the text's own
 * heading, emphasis, lists, quotes, code, tables, links and real Word footnotes.
 */
import { type FileChild, HeadingLevel, type IParagraphOptions, Paragraph, TextRun } from "docx";
import MarkdownIt, { type Token } from "markdown-it";
import footnote from "markdown-it-footnote";
import { type FootnoteMark, inlineRuns } from "./inline.js";
import { markdownTable } from "./markdown-table.js";
import { COLOUR, LIST, numberedList, STYLE } from "./styles.js";

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false }).use(footnote);

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;

/** What the texts of one document share: its footnotes, numbered by Word, and its lists. */
export class DocumentParts {
  readonly footnotes: Record<string, { children: Paragraph[] }> = {};
  private notes = 0;
  private lists = 0;

  addFootnote(children: Paragraph[]): number {
    this.notes += 1;
    this.footnotes[this.notes] = { children };
    return this.notes;
  }

  /** A new numbered list, counting from its start again. */
  newList(): number {
    this.lists += 1;
    return this.lists;
  }
}

interface Walk {
  readonly parts: DocumentParts;
  /** The Word heading level of a Markdown `#`. */
  readonly topHeading: number;
  readonly mark: FootnoteMark;
  /** The style of plain paragraphs, when not Normal. */
  readonly style?: string;
}

interface List {
  readonly ordered: boolean;
  readonly start: number;
  readonly instance: number;
}

/** Converts `text`; a `#` heading in it becomes a Word heading of level `topHeading`. */
export function markdownToDocx(
  text: string,
  parts: DocumentParts,
  topHeading: number,
): FileChild[] {
  const tokens = markdown.parse(text, {});
  const block = tokens.findIndex((t) => t.type === "footnote_block_open");
  const notes = footnotesOf(block < 0 ? [] : tokens.slice(block));
  const noteWalk: Walk = { parts, topHeading: 6, mark: () => null, style: "FootnoteText" };
  const mark: FootnoteMark = (id) => {
    const note = notes.get(id);
    if (!note) return null;
    const paragraphs = blocks(note, noteWalk).filter((c): c is Paragraph => c instanceof Paragraph);
    // Word puts the footnote's number in front of its first paragraph; a space keeps them apart.
    paragraphs[0]?.addRunToFront(new TextRun(" "));
    return parts.addFootnote(paragraphs);
  };
  return blocks(block < 0 ? tokens : tokens.slice(0, block), { parts, topHeading, mark });
}

/** The block tokens of each footnote, by markdown-it's footnote id. */
function footnotesOf(tokens: readonly Token[]): Map<number, Token[]> {
  const notes = new Map<number, Token[]>();
  let current: Token[] | null = null;
  for (const token of tokens) {
    if (token.type === "footnote_open") {
      current = [];
      notes.set((token.meta as { id: number }).id, current);
    } else if (token.type === "footnote_close") current = null;
    else current?.push(token);
  }
  return notes;
}

function blocks(tokens: readonly Token[], walk: Walk): FileChild[] {
  const out: FileChild[] = [];
  const lists: List[] = [];
  let quotes = 0;
  let firstInItem = false;
  const paragraphOptions = (): IParagraphOptions => {
    const list = lists.at(-1);
    const style = quotes > 0 ? STYLE.quote : walk.style;
    const styled = style ? { style } : {};
    if (!list) return styled;
    const level = lists.length - 1;
    if (!firstInItem) return { ...styled, indent: { left: 360 * (level + 1) } };
    firstInItem = false;
    if (!list.ordered) return { ...styled, numbering: { reference: LIST.bullets, level } };
    const definition = numberedList(list.start);
    const reference = list.start === 1 ? definition.reference : definition;
    return { ...styled, numbering: { reference, level, instance: list.instance } };
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    switch (token.type) {
      case "heading_open": {
        const level = Math.min(6, walk.topHeading + Number(token.tag.slice(1)) - 1);
        const heading = HEADINGS[level - 1];
        out.push(new Paragraph({ heading, children: inlineRuns(tokens[i + 1], walk.mark) }));
        break;
      }
      case "paragraph_open":
        out.push(
          new Paragraph({ ...paragraphOptions(), children: inlineRuns(tokens[i + 1], walk.mark) }),
        );
        break;
      case "bullet_list_open":
      case "ordered_list_open":
        lists.push({
          ordered: token.type === "ordered_list_open",
          start: Number(token.attrGet("start") ?? 1),
          instance: walk.parts.newList(),
        });
        break;
      case "bullet_list_close":
      case "ordered_list_close":
        lists.pop();
        break;
      case "list_item_open":
        firstInItem = true;
        break;
      case "blockquote_open":
      case "blockquote_close":
        quotes += token.type === "blockquote_open" ? 1 : -1;
        break;
      case "fence":
      case "code_block":
        out.push(code(token.content));
        break;
      case "hr":
        out.push(
          new Paragraph({ border: { bottom: { style: "single", size: 4, color: COLOUR.rule } } }),
        );
        break;
      case "table_open": {
        const end = tokens.findIndex((t, j) => j > i && t.type === "table_close");
        out.push(markdownTable(tokens.slice(i, end), walk.mark));
        i = end;
        break;
      }
    }
  }
  return out;
}

function code(content: string): Paragraph {
  const lines = content.replace(/\n$/, "").split("\n");
  return new Paragraph({
    style: STYLE.code,
    children: lines.map((text, i) => new TextRun({ text, ...(i > 0 ? { break: 1 } : {}) })),
  });
}
