/**
 * Reads an OpenAPI document (YAML or JSON, anchors allowed) and remembers where each
 * node came from, so later errors can name the line.
 */
import { readFileSync } from "node:fs";
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import { SpecError, childPointer } from "./errors";

export interface SourceDocument {
  readonly file: string;
  readonly root: Record<string, unknown>;
  /** Line (1-based) of a JSON pointer, where known. */
  lineOf(pointer: string): number | undefined;
}

export function readDocument(file: string): SourceDocument {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new SpecError(file, "", `cannot read file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  return parseText(file, text);
}

export function parseText(file: string, text: string): SourceDocument {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, merge: true });
  if (doc.errors.length > 0) {
    const first = doc.errors[0];
    const line = first.linePos?.[0]?.line;
    throw new SpecError(file, "", `not valid YAML or JSON: ${first.message.split("\n")[0]}`, line);
  }
  const root = doc.toJS({ maxAliasCount: -1 }) as unknown;
  if (typeof root !== "object" || root === null || Array.isArray(root)) {
    throw new SpecError(file, "", "the document must be an object (an OpenAPI description)");
  }
  let lines: Map<string, number> | undefined;
  return {
    file,
    root: root as Record<string, unknown>,
    lineOf(pointer) {
      lines ??= indexLines(doc.contents as Node | null, lineCounter);
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
