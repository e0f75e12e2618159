/** `docs/models/{shared,operations}/<type>.md`: one page per model, and per operation's request and result class. */
import { BASE_RESULT_FIELDS } from "../../../src/internal/contract";
import type { GenConfig } from "../../config";
import type { AliasDecl, Decl, EnumDecl, Field, ObjectDecl, Operation, Tag } from "../../model/ir";
import { cell, literal } from "../code";
import { enumExample } from "./examples";
import { DEPRECATED, describe, mdType, modelPath, oneLineOrBreaks, requiredMark } from "./links";
import { codeCell, codeSpan, paragraph, table } from "./markdown";

export function declPage(decl: Decl, config: GenConfig): string {
  const path = modelPath(decl.namespace, decl.name);
  const out = [`# ${decl.name}`];
  if (decl.deprecated) out.push(`> ${DEPRECATED}: the API marks this type as deprecated.`);
  out.push(paragraph(decl.description));
  if (decl.kind === "object") out.push(objectBody(decl, path));
  else if (decl.kind === "enum") out.push(enumBody(decl, config));
  else out.push(aliasBody(decl, path));
  return out.filter(Boolean).join("\n\n");
}

function fieldsTable(
  fields: readonly { name: string; type: string; required: boolean; description: string }[],
): string {
  const rows = fields.map((f) => [codeCell(f.name), cell(f.type), requiredMark(f.required), cell(f.description)]);
  return `## Fields\n\n${table(["Field", "Type", "Required", "Description"], rows)}`;
}

function fieldRow(field: Field, path: string) {
  return {
    name: field.name,
    type: mdType(field.type, path),
    required: field.required,
    description: describe(field.description, field.deprecated),
  };
}

function objectBody(decl: ObjectDecl, path: string): string {
  const out: string[] = [];
  if (decl.fields.length > 0) out.push(fieldsTable(decl.fields.map((f) => fieldRow(f, path))));
  if (decl.additional)
    out.push(`Other keys are allowed and kept as they are; each value is ${mdType(decl.additional, path)}.`);
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
    const lead = discriminator
      ? `One of the following, chosen by the value of ${codeSpan(discriminator.property)}:`
      : "One of the following:";
    return `## Supported Types\n\n${lead}${nullable}\n\n${items.join("\n")}`;
  }
  return `## Type\n\n${mdType(decl.type, path)}`;
}

export function requestPage(op: Operation, tag: Tag): string {
  const path = modelPath("operations", op.requestClass!);
  const fields = op.call.inputs.map((input) => {
    const docs = input.kind === "body" ? input.body : input.param;
    return {
      name: input.field,
      type: mdType(input.type, path),
      required: input.required,
      description: describe(docs.description, docs.deprecated),
    };
  });
  const usage =
    op.call.style === "positional"
      ? `The arguments of ${codeSpan(`sdk.${tag.propertyName}.${op.methodName}`)}, which takes them one by one.`
      : `The argument of ${codeSpan(`sdk.${tag.propertyName}.${op.methodName}(request)`)}.`;
  return [`# ${op.requestClass}`, usage, fieldsTable(fields)].join("\n\n");
}

export function responsePage(op: Operation, tag: Tag): string {
  const path = modelPath("operations", op.responseClass);
  const base = BASE_RESULT_FIELDS.map((f) => ({
    name: f.name,
    type: baseFieldType(f.type),
    required: true,
    description: f.description,
  }));
  const body = op.call.resultFields.map((f) => ({
    name: f.name,
    type: f.kind === "bytes" ? "*Uint8Array*" : mdType(f.type, path),
    required: false,
    description: oneLineOrBreaks(f.description) || `The body of a ${f.status} response.`,
  }));
  const fields = [...base, ...body];
  return [
    `# ${op.responseClass}`,
    `The result of ${codeSpan(`sdk.${tag.propertyName}.${op.methodName}`)}.`,
    fieldsTable(fields),
  ].join("\n\n");
}

/** A base result field's type as docs show it: axios' response type links to its reference. */
function baseFieldType(type: string): string {
  return type === "AxiosResponse" ? "[AxiosResponse](https://axios-http.com/docs/res_schema)" : `*${type}*`;
}
