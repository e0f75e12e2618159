/**
 * `docs/sdks/<tag>/README.md`: the overview, the list of operations, and per operation an
 * example program, a parameters table and the response type.
 */
import type { GenConfig } from "../../config";
import type { ApiModel, Input, Operation, Tag } from "../../model/ir";
import { cell } from "../code";
import { usageExample } from "./examples";
import { DEPRECATED, describe, mdType, namedLink, oneLineOrBreaks, OPTIONAL, requiredMark, tagPagePath } from "./links";
import { codeCell, codeSpan, firstSentence, oneLine, paragraph, Slugger, table } from "./markdown";

export function tagPage(tag: Tag, model: ApiModel, config: GenConfig): string {
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
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker)
        fence = undefined;
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

function operationSection(
  op: Operation,
  tag: Tag,
  path: string,
  security: { kind: string; optionName: string }[],
  config: GenConfig,
): string {
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
  const types = args.map((a) => JSON.stringify(a.input?.type ?? null, (k, v) => (k === "decl" ? v.name : v)));
  const sameType = new Set(types).size < types.length;
  return (
    `> **Argument order:** ${codeSpan(`${op.methodName}(${list})`)}: ` +
    `${op.body ? "the request body first, then " : ""}the parameters in alphabetical order of their names.` +
    (sameType ? " Some arguments have the same type, so a swapped pair still compiles: check the order." : "")
  );
}

function parametersTable(op: Operation, path: string): string {
  const rows = op.call.args.map((arg) => {
    const input = arg.input;
    if (arg.removedKey) return [codeCell(arg.name), cell("*undefined*"), OPTIONAL, cell(REMOVED_ARGUMENT)];
    if (!input) {
      const type = namedLink("operations", op.requestClass!, path);
      return [
        codeCell(arg.name),
        cell(type),
        requiredMark(arg.required),
        cell("The request object to use for the request."),
      ];
    }
    const fallback = arg.name === "request" ? "The request object to use for the request." : "The request body.";
    return [
      codeCell(arg.name),
      cell(mdType(input.type, path)),
      requiredMark(arg.required),
      cell(inputDescription(input, fallback)),
    ];
  });
  const optionsRequired = op.call.optionInputs.some(({ input }) => input.required);
  rows.push([
    codeCell("options"),
    cell("*RequestOptions*"),
    requiredMark(optionsRequired),
    cell("Options for this call only; they override the client's."),
  ]);
  for (const { name, input } of op.call.optionInputs) {
    const description = `${inputDescription(input, "The request body.")} (Newer than this method's argument list, so it is taken here.)`;
    rows.push([
      codeCell(`options.${name}`),
      cell(mdType(input.type, path)),
      requiredMark(input.required),
      cell(description),
    ]);
  }
  return table(["Parameter", "Type", "Required", "Description"], rows);
}

const REMOVED_ARGUMENT =
  "No longer in the API: the position is kept so later arguments keep their meaning. Pass `undefined`.";

function inputDescription(input: Input, bodyFallback: string): string {
  if (input.kind === "param") return describe(input.param.description, input.param.deprecated);
  return oneLineOrBreaks(input.body.description) || bodyFallback;
}
