/** A tag class (`Assistants`): one method per operation, plus each operation's OperationDef. */
import type { Input, Operation, Pagination, Tag } from "../../model/ir";
import { fileBase, jsdoc, key, optionalAccess } from "../code";
import { operationDefCode, operationDefName } from "./operation-def";
import type { GeneratedFile } from "../file";
import { HEADER } from "./models";
import { Imports, tsType } from "./imports";

export function emitTag(tag: Tag): GeneratedFile {
  const imports = new Imports("sdk");
  imports.addType("../internal", "OperationDef");
  imports.addType("../internal", "RequestOptions");
  imports.addType("../internal", "Runtime");
  const methods = tag.operations.flatMap((op) => {
    const method = methodCode(op, imports);
    return op.pagination ? [method, paginatedMethodCode(op, op.pagination, imports)] : [method];
  });
  const defs = tag.operations.map((op) => operationDefCode(op, imports));
  const cls =
    `${jsdoc("", tag.description)}export class ${tag.className} {\n` +
    `  constructor(private readonly runtime: Runtime) {}\n\n${methods.join("\n\n")}\n}\n`;
  return { path: `${fileBase(tag.className)}.ts`, content: `${HEADER}${imports.render()}\n${cls}\n${defs.join("\n")}` };
}

/** The method's parameter list as written in its signature, `options` last. */
function signature(op: Operation, imports: Imports): string {
  const args = op.call.args.map((arg) => {
    // A position the API no longer has: only `undefined` fits, so no caller can mean something by it.
    if (arg.removedKey) return `${arg.name}${arg.omittable ? "?" : ""}: undefined`;
    const type = arg.input ? tsType(arg.input.type, imports) : imports.refName("operations", op.requestClass!);
    if (arg.required) return `${arg.name}: ${type}`;
    // An optional argument before a required one must still be written: it takes `undefined`.
    return arg.omittable ? `${arg.name}?: ${type}` : `${arg.name}: ${type} | undefined`;
  });
  return [...args, optionsParameter(op, imports)].join(", ");
}

/** `options?: RequestOptions`, plus the inputs newer than the method's locked shape. */
function optionsParameter(op: Operation, imports: Imports): string {
  const extra = op.call.optionInputs;
  if (extra.length === 0) return "options?: RequestOptions";
  const fields = extra.map(
    ({ name, input }) => `${key(name)}${input.required ? "" : "?"}: ${tsType(input.type, imports)}`,
  );
  const required = extra.some(({ input }) => input.required);
  return `options${required ? "" : "?"}: RequestOptions & { ${fields.join("; ")} }`;
}

/** Where the method finds an input's value: its argument, a field of its options, or of the request object. */
function inputSource(op: Operation, input: Input): string {
  const arg = op.call.args.find((a) => a.input === input);
  if (arg) return arg.name;
  const option = op.call.optionInputs.find((o) => o.input === input);
  return optionalAccess(option ? "options" : "request", option ? option.name : input.field);
}

/** The CallArgs the method hands the runtime: values grouped by location, keyed by wire name. */
function callArgsCode(op: Operation): string {
  const groups: string[] = [];
  for (const location of ["path", "query", "header", "cookie"] as const) {
    const entries = op.call.inputs.flatMap((input) => {
      if (input.kind !== "param" || input.param.in !== location) return [];
      const source = inputSource(op, input);
      return [source === input.param.wireName ? source : `${key(input.param.wireName)}: ${source}`];
    });
    const group = location === "header" ? "headers" : location === "cookie" ? "cookies" : location;
    if (entries.length > 0) groups.push(`${group}: { ${entries.join(", ")} }`);
  }
  const body = op.call.inputs.find((input) => input.kind === "body");
  if (body) groups.push(`body: ${inputSource(op, body)}`);
  return groups.length > 0 ? `{ ${groups.join(", ")} }` : "{}";
}

function methodCode(op: Operation, imports: Imports): string {
  const result = imports.refName("operations", op.responseClass);
  const text = [op.summary, op.description].filter(Boolean).join("\n\n") || undefined;
  const doc = jsdoc("  ", text, op.deprecated ? ["@deprecated The API marks this operation as deprecated."] : []);
  return (
    `${doc}  ${op.methodName}(${signature(op, imports)}): Promise<${result}> {\n` +
    `    return this.runtime.call(${operationDefName(op)}, ${callArgsCode(op)}, options);\n  }`
  );
}

/**
 * `listMessagesAll(request)`: every item of every page. It takes the request object (all
 * arguments optional by name) and calls the one-page method with each page's cursor. The
 * page is read by a typed accessor, so tsc checks the list fields it names.
 */
function paginatedMethodCode(op: Operation, p: Pagination, imports: Imports): string {
  imports.add("../internal", "paginate");
  imports.addType("../internal", "Paginator");
  const request = op.call.inputs.some((i) => i.required) ? "request" : "request?";
  const item = tsType(p.itemType, imports);
  const cursor = p.cursorParam.name;
  const value = (input: Input) =>
    input.kind === "param" && input.param === p.cursorParam ? cursor : `${request}.${input.field}`;
  const positional = op.call.args.map((arg) => (arg.input ? value(arg.input) : "undefined"));
  // Inputs newer than the lock's shape travel in the options argument.
  const extra = op.call.optionInputs.map(({ name, input }) =>
    value(input) === name ? name : `${key(name)}: ${value(input)}`,
  );
  const options = extra.length > 0 ? `{ ...options, ${extra.join(", ")} }` : "options";
  const call =
    op.call.style === "positional"
      ? `this.${op.methodName}(${[...positional, options].join(", ")})`
      : `this.${op.methodName}({ ...request, ${cursor} }, options)`;
  const read = `(page) => ({ items: page.${p.itemsField}, cursor: page.${p.cursorField}, hasMore: page.${p.hasMoreField} })`;
  const doc = jsdoc(
    "  ",
    `Every item of \`${op.methodName}\`, fetched page by page as you iterate: each request's \`${p.cursorParam.wireName}\` ` +
      "is the previous page's last id, and paging stops when the server reports no more.",
  );
  return (
    `${doc}  ${p.methodName}(${request}: ${imports.refName("operations", op.requestClass!)}, options?: RequestOptions): Paginator<${item}> {\n` +
    `    return paginate(${optionalAccess("request", cursor)}, (${cursor}) => ${call}, (res) => res.${p.resultField}, ${read});\n  }`
  );
}
