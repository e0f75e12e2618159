/** The one place that turns text from the document into code: literals, keys and comments. */
import { isIdentifier } from "../model/names";

/** A string literal; JSON's escaping is valid JavaScript and covers quotes, newlines and `${`. */
export function str(value: string): string {
  return JSON.stringify(value)
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** A literal for a JSON scalar. */
export function literal(value: string | number | boolean): string {
  return typeof value === "string" ? str(value) : String(value);
}

/** An object key or class member name, quoted only when it must be. */
export function key(name: string): string {
  return isIdentifier(name) ? name : str(name);
}

/** `obj.name` or `obj["name"]`. */
export function access(object: string, name: string): string {
  return isIdentifier(name) ? `${object}.${name}` : `${object}[${str(name)}]`;
}

/** `obj?.name` or `obj?.["name"]`. */
export function optionalAccess(object: string, name: string): string {
  return isIdentifier(name) ? `${object}?.${name}` : `${object}?.[${str(name)}]`;
}

/** A JSDoc block from description text (or "" when there is nothing to say). */
export function jsdoc(indent: string, text: string | undefined, tags: readonly string[] = []): string {
  const lines = [...(text ? text.split(/\r?\n/) : []), ...(text && tags.length > 0 ? [""] : []), ...tags];
  while (lines.length > 0 && lines[lines.length - 1].trim() === "") lines.pop();
  if (lines.length === 0) return "";
  const body = lines.map((line) => `${indent} *${line.trim() ? " " + commentSafe(line.trimEnd()) : ""}`).join("\n");
  return `${indent}/**\n${body}\n${indent} */\n`;
}

/** Text that cannot close or confuse a block comment. */
function commentSafe(text: string): string {
  return text.replace(/\*\//g, "*\\/").replace(/\/\*/g, "/\\*");
}

/** Markdown table cell: one line, pipes escaped. */
export function cell(text: string | undefined): string {
  return (text ?? "").trim().replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, "<br/>");
}

/** The file name (without extension) of a declaration: Speakeasy's lower-case convention. */
export function fileBase(name: string): string {
  return name.toLowerCase();
}
