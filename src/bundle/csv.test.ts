import { describe, expect, it } from "vitest";
import { CsvSyntaxError, parseCsv } from "./csv.js";

const rows = (text: string, delimiter = ",") =>
  parseCsv(text, delimiter).map((r) => [r.line, ...r.cells]);

describe("parseCsv", () => {
  it("reads records with the line each starts on, skipping empty lines", () => {
    expect(rows("a,b\n1,2\n\n3,4")).toEqual([
      [1, "a", "b"],
      [2, "1", "2"],
      [4, "3", "4"],
    ]);
  });

  it("treats CRLF, LF and a lone CR each as one line end", () => {
    expect(rows("a\r\nb\rc\nd\r\n")).toEqual([
      [1, "a"],
      [2, "b"],
      [3, "c"],
      [4, "d"],
    ]);
  });

  it("reads quoted fields with delimiters, doubled quotes and line breaks, counting their lines", () => {
    expect(rows('a;b\r\n1;"x;""y""\r\nz"\r\n2;3', ";")).toEqual([
      [1, "a", "b"],
      [2, "1", 'x;"y"\r\nz'],
      [4, "2", "3"],
    ]);
  });

  it("ignores a byte order mark and keeps empty fields", () => {
    expect(rows("\uFEFFa,b,c\n1,,\n")).toEqual([
      [1, "a", "b", "c"],
      [2, "1", "", ""],
    ]);
  });

  it.each([
    ['a\n"1,2\n3\n', 2, "not closed"],
    ['a\n1,x"y\n', 2, "a quote inside an unquoted field"],
    ['a\n"1"x,2\n', 2, "must end at a delimiter"],
  ])("refuses %j at line %i", (text, line, message) => {
    let caught: unknown;
    try {
      parseCsv(text, ",");
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CsvSyntaxError);
    expect((caught as CsvSyntaxError).line).toBe(line);
    expect((caught as CsvSyntaxError).message).toContain(message);
  });
});
