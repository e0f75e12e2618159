/** What every docs page shares: page paths, links between pages, types as markdown, table marks. */
import { posix } from "node:path";
import type { Namespace, Tag, TypeRef } from "../../model/ir";
import { fileBase } from "../code";
import { printType } from "../print-type";
import { codeSpan } from "./markdown";

const REQUIRED = ":heavy_check_mark:";
export const OPTIONAL = ":heavy_minus_sign:";
export const DEPRECATED = ":warning: **DEPRECATED**";

export function tagPagePath(tag: Tag): string {
  return `docs/sdks/${fileBase(tag.className)}/README.md`;
}

export function modelPath(namespace: Namespace, name: string): string {
  return `docs/models/${namespace}/${fileBase(name)}.md`;
}

/** A link from one docs page to another, relative as GitHub and npm render them. */
function link(from: string, to: string): string {
  return posix.relative(posix.dirname(from), to);
}

/** A type as markdown, each named type linked to its page (not yet escaped for a table cell). */
export function mdType(type: TypeRef, from: string): string {
  return printType(type, {
    named: (decl) => namedLink(decl.namespace, decl.name, from),
    binary: "Upload",
    leaf: (text, kind) => (kind === "literal" ? codeSpan(text) : `*${text}*`),
  });
}

export function namedLink(namespace: Namespace, name: string, from: string): string {
  return `[${namespace}.${name}](${link(from, modelPath(namespace, name))})`;
}

export function describe(text: string | undefined, deprecated: boolean | undefined): string {
  const description = oneLineOrBreaks(text);
  return deprecated ? `${DEPRECATED}${description ? ": " + description : ""}` : description;
}

/** Cell text keeps the description's line breaks; `cell()` turns them into `<br/>`. */
export function oneLineOrBreaks(text: string | undefined): string {
  return (text ?? "").replace(/\r\n?/g, "\n").trim();
}

export function requiredMark(required: boolean): string {
  return required ? REQUIRED : OPTIONAL;
}
