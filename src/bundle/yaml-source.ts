import jsYaml from "js-yaml";
import { isMap, isScalar, LineCounter, type Node, parseDocument } from "yaml";
import type { ProblemLog } from "./problems.js";

export type YamlPath = readonly (string | number)[];

type Document = ReturnType<typeof parseDocument>;

/** A parsed YAML file as the plan reader sees it. */
export interface YamlSource {
  readonly file: string;
  readonly data: unknown;
  /** The line of a field (its key), a list item or, failing those, the nearest enclosing value. */
  line(path: YamlPath): number | undefined;
  /** A plain scalar as written (`04` stays `04`, where the data holds the number 4). */
  writtenText(path: YamlPath): string | undefined;
  keys(path: YamlPath): { written: string; key: string }[];
}

/**
 * A fast reading that knows no lines and no written forms: asking for either marks it
 * imprecise, and the caller reads the file again with PreciseYaml.
 */
export class QuickYaml implements YamlSource {
  imprecise = false;

  private constructor(
    readonly file: string,
    readonly data: unknown,
  ) {}

  /** Undefined when the text is not valid YAML (PreciseYaml then says where). */
  static parse(text: string, file: string): QuickYaml | undefined {
    try {
      return new QuickYaml(file, jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA, filename: file }));
    } catch {
      return undefined;
    }
  }

  line(_path: YamlPath): undefined {
    this.imprecise = true;
    return undefined;
  }

  writtenText(_path: YamlPath): undefined {
    this.imprecise = true;
    return undefined;
  }

  keys(path: YamlPath): { written: string; key: string }[] {
    let node: unknown = this.data;
    for (const step of path) node = (node as Record<string | number, unknown> | undefined)?.[step];
    const keys = typeof node === "object" && node !== null ? Object.keys(node) : [];
    if (keys.some((key) => /^[-+.\d]/.test(key) && !Number.isNaN(Number(key))))
      this.imprecise = true;
    return keys.map((key) => ({ written: key, key }));
  }
}

/** A parsed YAML file that can tell the line and the written text of any value in it. */
export class PreciseYaml implements YamlSource {
  private constructor(
    readonly file: string,
    readonly data: unknown,
    private readonly doc: Document,
    private readonly lineCounter: LineCounter,
  ) {}

  /** Parses the text; syntax errors are logged with their lines and give undefined. */
  static parse(text: string, file: string, log: ProblemLog): PreciseYaml | undefined {
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
    if (doc.errors.length > 0) {
      for (const error of doc.errors) {
        log.error(
          file,
          lineCounter.linePos(error.pos[0]).line,
          `YAML: ${firstLine(error.message)}`,
        );
      }
      return undefined;
    }
    return new PreciseYaml(file, doc.toJS({ maxAliasCount: 100 }), doc, lineCounter);
  }

  private node(path: YamlPath): unknown {
    return path.length === 0 ? this.doc.contents : this.doc.getIn(path, true);
  }

  /** The key node of the last step of `path`, where that step is a key of a mapping. */
  private keyNode(path: YamlPath): Node | undefined {
    const last = path.at(-1);
    const parent = this.node(path.slice(0, -1));
    if (typeof last !== "string" || !isMap(parent)) return undefined;
    const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === last);
    return isScalar(pair?.key) ? pair.key : undefined;
  }

  line(path: YamlPath): number | undefined {
    for (let depth = path.length; depth >= 0; depth--) {
      const prefix = path.slice(0, depth);
      const node = this.keyNode(prefix) ?? this.node(prefix);
      const range = (node as { range?: [number, number, number] } | null)?.range;
      if (range) return this.lineCounter.linePos(range[0]).line;
    }
    return undefined;
  }

  writtenText(path: YamlPath): string | undefined {
    const node = this.node(path);
    return isScalar(node) && typeof node.source === "string" ? node.source : undefined;
  }

  keys(path: YamlPath): { written: string; key: string }[] {
    const node = this.node(path);
    if (!isMap(node)) return [];
    return node.items.map((pair) => {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const source = isScalar(pair.key) ? pair.key.source : undefined;
      return { written: typeof source === "string" ? source : key, key };
    });
  }
}

function firstLine(message: string): string {
  return message.split("\n")[0] ?? message;
}
