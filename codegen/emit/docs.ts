/**
 * Markdown docs in the layout of the seed's SDK (Speakeasy style):
 * - `docs/sdks/<tag>/README.md`: overview, the list of operations, and per operation an
 *   example program, a parameters table and the response type;
 * - `docs/models/{shared,operations}/<type>.md`: one page per model, request and result class.
 * Pure: model in, file texts out. Every table cell goes through `cell()`.
 */
import { posix } from "node:path";
import { BASE_RESULT_FIELDS } from "../../src/internal/contract";
import type { GenConfig } from "../config";
import type { AliasDecl, ApiModel, Decl, EnumDecl, Field, Namespace, ObjectDecl, Operation, Tag, TypeRef } from "../model/ir";
import { cell, fileBase, literal } from "./code";
import { enumExample, usageExample } from "./docs-examples";
import { codeCell, codeSpan, firstSentence, oneLine, paragraph, Slugger, table } from "./docs-markdown";
import type { EmittedFile } from "./models";
import { printType } from "./print-type";

const REQUIRED = ":heavy_check_mark:";
const OPTIONAL = ":heavy_minus_sign:";
const DEPRECATED = ":warning: **DEPRECATED**";

export function emitDocs(model: ApiModel, config: GenConfig): EmittedFile[] {
  const files = new Map<string, string>();
  const add = (path: string, content: string) => {
    // Two types whose names differ only in case share a page path; the first one keeps it.
    if (!files.has(path)) files.set(path, content.trimEnd() + "\n");
  };
  for (const tag of model.tags) add(tagPagePath(tag), tagPage(tag, model, config));
  for (const decl of model.decls) add(modelPath(decl.namespace, decl.name), declPage(decl, config));
  for (const tag of model.tags) {
    for (const op of tag.operations) {
      if (op.requestClass) add(modelPath("operations", op.requestClass), requestPage(op, tag));
      add(modelPath("operations", op.responseClass), responsePage(op, tag));
    }
  }
  return [...files].map(([path, content]) => ({ path, content })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

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
function mdType(type: TypeRef, from: string): string {
  return printType(type, {
    named: (decl) => namedLink(decl.namespace, decl.name, from),
    binary: "Upload",
    leaf: (text, kind) => (kind === "literal" ? codeSpan(text) : `*${text}*`),
  });
}

function namedLink(namespace: Namespace, name: string, from: string): string {
  return `[${namespace}.${name}](${link(from, modelPath(namespace, name))})`;
}

function describe(text: string | undefined, deprecated: boolean | undefined): string {
  const description = oneLineOrBreaks(text);
  return deprecated ? `${DEPRECATED}${description ? ": " + description : ""}` : description;
}

/** Cell text keeps the description's line breaks; `cell()` turns them into `<br/>`. */
function oneLineOrBreaks(text: string | undefined): string {
  return (text ?? "").replace(/\r\n?/g, "\n").trim();
}

function requiredMark(required: boolean): string {
  return required ? REQUIRED : OPTIONAL;
}

// ---------------------------------------------------------------------------------------------
// docs/sdks/<tag>/README.md

function tagPage(tag: Tag, model: ApiModel, config: GenConfig): string {
  const path = tagPagePath(tag);
  const security = model.security.map((s) => ({ kind: s.kind, optionName: s.optionName }));
  const head = [`# ${tag.className}`, `(*${codeSafe(`sdk.${tag.propertyName}`)}*)`];
  if (tag.description) head.push("## Overview", paragraph(tag.description));
  head.push("### Available Operations");
  const sections = tag.operations.map((op) => operationSection(op, tag, path, security, config));
  // Anchors as GitHub assigns them: every heading of the page in order, descriptions' own included.
  const slugger = new Slugger();
  for (const heading of headings(head.join("\n\n"))) slugger.slug(heading);
  const anchors = sections.map((section) => headings(section).map((h) => slugger.slug(h))[0]);
  const list = tag.operations.map((op, i) => {
    const summary = oneLine(op.summary) || firstSentence(op.description);
    return `* [${op.methodName}](#${anchors[i]})${summary ? ` - ${summary}` : ""}${op.deprecated ? ` - ${DEPRECATED}` : ""}`;
  });
  return [...head, list.join("\n"), ...sections].join("\n\n");
}

/** The text of each ATX heading outside code blocks, in order. */
function headings(markdown: string): string[] {
  const found: string[] = [];
  let fence: string | undefined;
  for (const line of markdown.split("\n")) {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = undefined;
      continue;
    }
    if (marker) {
      fence = marker;
      continue;
    }
    const heading = /^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(line);
    if (heading) found.push((heading[1] ?? "").replace(/\[([^\]]*)\]\([^)]*\)/g, "$1"));
  }
  return found;
}

/** Text from names (identifiers) that goes inside emphasis: nothing to escape but `*` and `_`. */
function codeSafe(text: string): string {
  return text.replace(/[*_]/g, (c) => `\\${c}`);
}

function operationSection(op: Operation, tag: Tag, path: string, security: { kind: string; optionName: string }[], config: GenConfig): string {
  const out: string[] = [`## ${op.methodName}`];
  if (op.summary) out.push(paragraph(op.summary));
  if (op.description && oneLine(op.description) !== oneLine(op.summary)) out.push(paragraph(op.description));
  if (op.deprecated) out.push(`> ${DEPRECATED}: the API marks this operation as deprecated; avoid it in new code.`);
  out.push(argumentOrderNote(op));
  out.push("### Example Usage", "```typescript\n" + usageExample(op, tag, security, config) + "\n```");
  out.push("### Parameters", parametersTable(op, path));
  out.push("### Response", `**Promise<${namedLink("operations", op.responseClass, path)}>**`);
  const bodies = op.responses.filter((r) => r.fieldName && r.type);
  if (bodies.length > 0) {
    const rows = bodies.map((r) => [
      codeCell(r.status),
      r.mediaType ? codeCell(r.mediaType) : "",
      codeCell(`res.${r.fieldName}`),
      cell(r.kind === "bytes" ? "*Uint8Array*" : mdType(r.type!, path)),
    ]);
    out.push(table(["Status", "Content type", "Result field", "Type"], rows));
  }
  out.push(
    "### Errors",
    table(["Error Type", "Status Code", "Content Type"], [["errors.SDKError", cell("4XX, 5XX"), codeCell("*/*")]]),
  );
  return out.filter(Boolean).join("\n\n");
}

/** Positional arguments of the same type are easy to swap, so their order is spelled out. */
function argumentOrderNote(op: Operation): string {
  if (op.call.style !== "positional") return "";
  const args = op.call.args;
  if (args.length < 2) return "";
  const list = [...args.map((a) => a.name), "options?"].join(", ");
  const types = args.map((a) => JSON.stringify(a.input!.type, (k, v) => (k === "decl" ? v.name : v)));
  const sameType = new Set(types).size < types.length;
  return (
    `> **Argument order:** ${codeSpan(`${op.methodName}(${list})`)}: ` +
    `${op.body ? "the request body first, then " : ""}the parameters in alphabetical order of their names.` +
    (sameType ? " Some arguments have the same type, so a swapped pair still compiles: check the order." : "")
  );
}

function parametersTable(op: Operation, path: string): string {
  const rows: string[][] = [];
  for (const arg of op.call.args) {
    const input = arg.input;
    if (!input) {
      const type = namedLink("operations", op.requestClass!, path);
      rows.push([codeCell(arg.name), cell(type), requiredMark(arg.required), cell("The request object to use for the request.")]);
      continue;
    }
    const description =
      input.kind === "param"
        ? describe(input.param.description, input.param.deprecated)
        : oneLineOrBreaks(input.body.description) ||
          (arg.name === "request" ? "The request object to use for the request." : "The request body.");
    rows.push([codeCell(arg.name), cell(mdType(input.type, path)), requiredMark(arg.required), cell(description)]);
  }
  rows.push([codeCell("options"), cell("*RequestOptions*"), OPTIONAL, cell("Options for this call only; they override the client's.")]);
  return table(["Parameter", "Type", "Required", "Description"], rows);
}

// ---------------------------------------------------------------------------------------------
// docs/models/**

function declPage(decl: Decl, config: GenConfig): string {
  const path = modelPath(decl.namespace, decl.name);
  const out = [`# ${decl.name}`];
  if (decl.deprecated) out.push(`> ${DEPRECATED}: the API marks this type as deprecated.`);
  out.push(paragraph(decl.description));
  if (decl.kind === "object") out.push(objectBody(decl, path));
  else if (decl.kind === "enum") out.push(enumBody(decl, config));
  else out.push(aliasBody(decl, path));
  return out.filter(Boolean).join("\n\n");
}

function fieldsTable(fields: readonly { name: string; type: string; required: boolean; description: string }[]): string {
  const rows = fields.map((f) => [codeCell(f.name), cell(f.type), requiredMark(f.required), cell(f.description)]);
  return `## Fields\n\n${table(["Field", "Type", "Required", "Description"], rows)}`;
}

function fieldRow(field: Field, path: string) {
  return { name: field.name, type: mdType(field.type, path), required: field.required, description: describe(field.description, field.deprecated) };
}

function objectBody(decl: ObjectDecl, path: string): string {
  const out: string[] = [];
  if (decl.fields.length > 0) out.push(fieldsTable(decl.fields.map((f) => fieldRow(f, path))));
  if (decl.additional) out.push(`Other keys are allowed and kept as they are; each value is ${mdType(decl.additional, path)}.`);
  if (out.length === 0) out.push("An object with no declared fields.");
  return out.join("\n\n");
}

function enumBody(decl: EnumDecl, config: GenConfig): string {
  const rows = decl.members.map((m) => [codeCell(m.name), codeCell(String(m.value))]);
  const out = [`## Values\n\n${table(["Name", "Value"], rows)}`];
  const example = enumExample(decl, config);
  if (example) out.push("## Example Usage", "```typescript\n" + example + "\n```");
  return out.join("\n\n");
}

function aliasBody(decl: AliasDecl, path: string): string {
  const type = decl.type.kind === "nullable" ? decl.type.inner : decl.type;
  const nullable = decl.type.kind === "nullable" ? " It may also be `null`." : "";
  if (type.kind === "union") {
    const discriminator = type.discriminator;
    const items = type.members.map((m, i) => {
      const tag = discriminator?.tags.find((t) => t.member === i);
      return `* ${tag ? `${codeSpan(`${discriminator!.property}: ${literal(tag.value)}`)}: ` : ""}${mdType(m, path)}`;
    });
    const lead = discriminator ? `One of the following, chosen by the value of ${codeSpan(discriminator.property)}:` : "One of the following:";
    return `## Supported Types\n\n${lead}${nullable}\n\n${items.join("\n")}`;
  }
  return `## Type\n\n${mdType(decl.type, path)}`;
}

function requestPage(op: Operation, tag: Tag): string {
  const path = modelPath("operations", op.requestClass!);
  const fields = op.call.inputs.map((input) => {
    const docs = input.kind === "body" ? input.body : input.param;
    return { name: input.field, type: mdType(input.type, path), required: input.required, description: describe(docs.description, docs.deprecated) };
  });
  const usage = op.call.style === "positional"
    ? `The arguments of ${codeSpan(`sdk.${tag.propertyName}.${op.methodName}`)}, which takes them one by one.`
    : `The argument of ${codeSpan(`sdk.${tag.propertyName}.${op.methodName}(request)`)}.`;
  return [`# ${op.requestClass}`, usage, fieldsTable(fields)].join("\n\n");
}

function responsePage(op: Operation, tag: Tag): string {
  const path = modelPath("operations", op.responseClass);
  const base = BASE_RESULT_FIELDS.map((f) => ({ name: f.name, type: baseFieldType(f.type), required: true, description: f.description }));
  const body = op.call.resultFields.map((f) => ({
    name: f.name,
    type: f.kind === "bytes" ? "*Uint8Array*" : mdType(f.type, path),
    required: false,
    description: oneLineOrBreaks(f.description) || `The body of a ${f.status} response.`,
  }));
  const fields = [...base, ...body];
  return [`# ${op.responseClass}`, `The result of ${codeSpan(`sdk.${tag.propertyName}.${op.methodName}`)}.`, fieldsTable(fields)].join("\n\n");
}

/** A base result field's type as docs show it: axios' response type links to its reference. */
function baseFieldType(type: string): string {
  return type === "AxiosResponse" ? "[AxiosResponse](https://axios-http.com/docs/res_schema)" : `*${type}*`;
}
