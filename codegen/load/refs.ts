/** Local `$ref` resolution ("#/components/schemas/X"), with the pointer of every node kept. */
import type { SourceDocument } from "./document";
import { SpecError } from "./errors";
import { childPointer, isExternalRef, pointerTokens, refPointer } from "./pointer";

export interface Located<T = unknown> {
  readonly node: T;
  readonly pointer: string;
}

export class Resolver {
  constructor(readonly doc: SourceDocument) {}

  /** The node at a pointer (`#/a/b`, not percent-encoded: pass a `$ref` through `target`), or undefined. */
  at(pointer: string): unknown {
    const tokens = pointerTokens(pointer);
    if (!tokens) return undefined;
    let node: unknown = this.doc.root;
    for (const token of tokens) {
      if (typeof node !== "object" || node === null || !Object.prototype.hasOwnProperty.call(node, token))
        return undefined;
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
      const target = this.target(current.$ref, pointer);
      if (seen.has(target)) {
        throw this.error(from, `$ref cycle with no schema in it: ${[...seen, target].join(" -> ")}`);
      }
      seen.add(target);
      current = this.at(target);
      pointer = target;
    }
    return { node: current as T, pointer };
  }

  /**
   * The pointer a `$ref` written at `from` names, so two spellings of one target compare equal.
   * A ref that leaves the document, is not a pointer or points nowhere is a located error.
   */
  target(ref: string, from: string): string {
    const at = childPointer(from, "$ref");
    if (isExternalRef(ref)) {
      throw this.error(at, `external $ref "${ref}" is not supported; bundle the document into one file first`);
    }
    const pointer = refPointer(ref);
    if (pointer === undefined) {
      throw this.error(at, `$ref "${ref}" is not a JSON pointer such as "#/components/schemas/Name"`);
    }
    if (this.at(pointer) === undefined) throw this.error(at, `$ref target "${ref}" does not exist`);
    return pointer;
  }

  error(pointer: string, problem: string): SpecError {
    return new SpecError(this.doc.file, pointer, problem, this.doc.lineOf(pointer));
  }
}

export function isRef(node: unknown): node is { $ref: string } {
  return typeof node === "object" && node !== null && typeof (node as { $ref?: unknown }).$ref === "string";
}
