/**
 * Reads an OpenAPI document (YAML or JSON, anchors allowed). Parsing uses js-yaml, which is
 * several times faster than a full syntax tree; only when an error needs a line number is
 * the text parsed again with `yaml` to map JSON pointers to lines.
 */
import { readFileSync } from "node:fs";
import { load, YAMLException } from "js-yaml";
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import { SpecError } from "./errors";
import { childPointer } from "./pointer";

export interface SourceDocument {
  readonly file: string;
  readonly root: Record<string, unknown>;
  /** Line (1-based) of a JSON pointer, where known. */
  lineOf(pointer: string): number | undefined;
}

/** `expected` says what the file should hold, for the error when its top level is not an object. */
export function readDocument(file: string, expected = "an OpenAPI description"): SourceDocument {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new SpecError(file, "", `cannot read file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  return parseText(file, text, expected);
}

export function parseText(file: string, text: string, expected = "an OpenAPI description"): SourceDocument {
  let root: unknown;
  try {
    root = load(text, { filename: file });
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    const line = error.mark ? error.mark.line + 1 : undefined;
    throw new SpecError(file, "", `not valid YAML or JSON: ${error.reason}`, line);
  }
  if (typeof root !== "object" || root === null || Array.isArray(root)) {
    throw new SpecError(file, "", `the document must be an object (${expected})`);
  }
  let lines: Map<string, number> | undefined;
  return {
    file,
    root: root as Record<string, unknown>,
    lineOf(pointer) {
      if (!lines) {
        const lineCounter = new LineCounter();
        const doc = parseDocument(text, { lineCounter });
        lines = indexLines(doc.contents as Node | null, lineCounter);
      }
      return lines.get(pointer);
    },
  };
}

/** Builds pointer → line for every node, lazily (only when an error needs it). */
function indexLines(rootNode: Node | null, counter: LineCounter): Map<string, number> {
  const lines = new Map<string, number>();
  const visit = (node: unknown, pointer: string, depth: number): void => {
    if (!node || depth > 200) return;
    const range = (node as Node).range;
    if (range) lines.set(pointer, counter.linePos(range[0]).line);
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const child = childPointer(pointer, key);
        if (isScalar(pair.key) && pair.key.range) lines.set(child, counter.linePos(pair.key.range[0]).line);
        visit(pair.value, child, depth + 1);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => visit(item, childPointer(pointer, i), depth + 1));
    }
  };
  visit(rootNode, "#", 0);
  return lines;
}
