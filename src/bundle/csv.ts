/**
 * RFC 4180 records with the line each starts on: quoted fields may hold the delimiter, a
 * doubled quote and line breaks; CRLF, LF and CR each end a line; empty lines are skipped and
 * a leading byte order mark is ignored.
 */
export interface CsvRecord {
  readonly line: number;
  readonly cells: readonly string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

export function parseCsv(input: string, delimiter: string): CsvRecord[] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const separator = delimiter.charCodeAt(0);
  const records: CsvRecord[] = [];
  let line = 1;
  let at = 0;
  const end = text.length;
  while (at < end) {
    const code = text.charCodeAt(at);
    if (code === CR || code === LF) {
      at += code === CR && text.charCodeAt(at + 1) === LF ? 2 : 1;
      line++;
      continue;
    }
    const start = line;
    const cells: string[] = [];
    for (;;) {
      let cell: string;
      if (text.charCodeAt(at) === QUOTE) {
        const quoted = readQuoted(text, at + 1, start, line);
        cell = quoted.value;
        at = quoted.next;
        line = quoted.line;
        const after = text.charCodeAt(at);
        if (at < end && after !== separator && after !== CR && after !== LF) {
          throw new CsvSyntaxError(
            line,
            "a quoted field must end at a delimiter or the end of the line",
          );
        }
      } else {
        let stop = at;
        while (stop < end) {
          const c = text.charCodeAt(stop);
          if (c === separator || c === CR || c === LF) break;
          if (c === QUOTE)
            throw new CsvSyntaxError(
              line,
              "a quote inside an unquoted field (quote the whole field)",
            );
          stop++;
        }
        cell = text.slice(at, stop);
        at = stop;
      }
      cells.push(cell);
      if (at < end && text.charCodeAt(at) === separator) {
        at++;
        continue;
      }
      break;
    }
    records.push({ line: start, cells });
    if (at < end) {
      at += text.charCodeAt(at) === CR && text.charCodeAt(at + 1) === LF ? 2 : 1;
      line++;
    }
  }
  return records;
}

function readQuoted(text: string, from: number, start: number, line: number) {
  let value = "";
  let at = from;
  let lines = line;
  for (;;) {
    const close = text.indexOf('"', at);
    if (close < 0) throw new CsvSyntaxError(start, "a quoted field is not closed");
    const part = text.slice(at, close);
    value += part;
    lines += countLineEnds(part);
    if (text.charCodeAt(close + 1) === QUOTE) {
      value += '"';
      at = close + 2;
      continue;
    }
    return { value, next: close + 1, line: lines };
  }
}

function countLineEnds(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) count++;
  }
  return count;
}
