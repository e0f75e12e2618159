/** Local `$ref` resolution ("#/components/schemas/X"), with the pointer of every node kept. */
import type { SourceDocument } from "./document";
import { SpecError, parsePointer } from "./errors";

export interface Located<T = unknown> {
  readonly node: T;
  readonly pointer: string;
}

export class Resolver {
  constructor(readonly doc: SourceDocument) {}

  /** The node at a pointer, or undefined. */
  at(pointer: string): unknown {
    const tokens = parsePointer(pointer);
    if (!tokens) return undefined;
    let node: unknown = this.doc.root;
    for (const token of tokens) {
      if (typeof node !== "object" || node === null || !Object.prototype.hasOwnProperty.call(node, token)) return undefined;
      node = (node as Record<string, unknown>)[token];
    }
    return node;
  }

  /** Follows `$ref` chains until a node without one. `from` is where the ref was written. */
  deref<T = unknown>(node: unknown, from: string): Located<T> {
    let current = node;
    let pointer = from;
    const seen = new Set<string>();
    while (isRef(current)) {
      const ref = current.$ref;
      if (seen.has(ref)) throw this.error(from, `$ref cycle with no schema in it: ${[...seen, ref].join(" -> ")}`);
      seen.add(ref);
      if (!ref.startsWith("#")) throw this.error(pointer, `external $ref "${ref}" is not supported; bundle the document into one file first`);
      const target = this.at(ref);
      if (target === undefined) throw this.error(`${pointer}/$ref`, `$ref target "${ref}" does not exist`);
      current = target;
      pointer = ref;
    }
    return { node: current as T, pointer };
  }

  error(pointer: string, problem: string): SpecError {
    return new SpecError(this.doc.file, pointer, problem, this.doc.lineOf(pointer));
  }
}

export function isRef(node: unknown): node is { $ref: string } {
  return typeof node === "object" && node !== null && typeof (node as { $ref?: unknown }).$ref === "string";
}
