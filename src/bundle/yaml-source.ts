import { LineCounter, parseDocument } from "yaml";
import type { ProblemLog } from "./problems.js";

export type YamlPath = readonly (string | number)[];

/** A parsed YAML file that can tell the line of any value in it, for error messages. */
export class YamlSource {
  private constructor(
    readonly file: string,
    readonly data: unknown,
    private readonly locate: (path: YamlPath) => number | undefined,
  ) {}

  /** Parses the text; syntax errors are logged with their lines and give undefined. */
  static parse(text: string, file: string, log: ProblemLog): YamlSource | undefined {
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
    if (doc.errors.length > 0) {
      for (const error of doc.errors) {
        log.error(file, error.linePos?.[0]?.line, `YAML: ${firstLine(error.message)}`);
      }
      return undefined;
    }
    const locate = (path: YamlPath): number | undefined => {
      for (let depth = path.length; depth >= 0; depth--) {
        const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
        const range = (node as { range?: [number, number, number] } | null)?.range;
        if (range) return lineCounter.linePos(range[0]).line;
      }
      return undefined;
    };
    return new YamlSource(file, doc.toJS({ maxAliasCount: 100 }), locate);
  }

  line(path: YamlPath): number | undefined {
    return this.locate(path);
  }
}

function firstLine(message: string): string {
  return message.split("\n")[0] ?? message;
}
