/**
 * The sentences of a Markdown text with the line each part stands on (pure). Markup that
 * holds numbers without stating them (link targets, code, footnote marks) is blanked out, not
 * removed, so that offsets still lead back to the line.
 */

export interface TextSentence {
  readonly text: string;
  /** Whether the sentence is a heading (`# …`). */
  readonly heading: boolean;
  /** The 1-based line of an offset in `text`. */
  readonly lineAt: (offset: number) => number;
}

const blank = (match: string) => " ".repeat(match.length);

function masked(line: string): string {
  return line
    .replace(/`[^`]*`/g, blank)
    .replace(/\]\([^)]*\)/g, blank)
    .replace(/\[\^[^\]]*\]:?/g, blank)
    .replace(/<[^>]*>/g, blank)
    .replace(/^\s{0,3}(?:#{1,6}|>+|[-*+]|\d+[.)])(?=\s)/, blank);
}

interface Block {
  readonly lines: readonly { readonly text: string; readonly number: number }[];
  readonly heading: boolean;
}

/** Paragraphs, with headings, list items and table rows each a block of their own. */
function blocksOf(markdown: string): Block[] {
  const blocks: Block[] = [];
  let current: { text: string; number: number }[] = [];
  let fenced = false;
  const flush = () => {
    if (current.length) blocks.push({ lines: current, heading: false });
    current = [];
  };
  for (const [index, line] of markdown.split("\n").entries()) {
    const number = index + 1;
    if (/^\s{0,3}(?:```|~~~)/.test(line)) {
      fenced = !fenced;
      flush();
    } else if (fenced || !line.trim()) {
      flush();
    } else if (/^\s{0,3}#{1,6}\s/.test(line)) {
      flush();
      blocks.push({ lines: [{ text: masked(line), number }], heading: true });
    } else {
      if (/^\s{0,3}(?:[-*+]|\d+[.)]|\|)\s?/.test(line)) flush();
      current.push({ text: masked(line), number });
    }
  }
  flush();
  return blocks;
}

const SENTENCE_END = /[.!?]\s+(?=[\p{Lu}\d"'“‘(])/gu;

function sentencesOfBlock(block: Block): TextSentence[] {
  const starts: number[] = [];
  let text = "";
  for (const line of block.lines) {
    starts.push(text.length);
    text += `${line.text} `;
  }
  const lineOf = (offset: number) => {
    let index = 0;
    while (index + 1 < starts.length && (starts[index + 1] ?? 0) <= offset) index++;
    return block.lines[index]?.number ?? 1;
  };
  const ends = [...text.matchAll(SENTENCE_END)].map((m) => (m.index ?? 0) + 1);
  return [0, ...ends].map((start, i) => {
    const end = ends[i] ?? text.length;
    return {
      text: text.slice(start, end),
      heading: block.heading,
      lineAt: (offset: number) => lineOf(start + offset),
    };
  });
}

export function sentencesOf(markdown: string): TextSentence[] {
  return blocksOf(markdown).flatMap(sentencesOfBlock);
}
