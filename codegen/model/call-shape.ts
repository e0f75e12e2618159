/**
 * The call shape of an operation: the generated method's arguments and its result's fields.
 * Decided here once; the code, docs, examples and --diff only print it.
 *
 * Argument rules (kept from the SDK this one replaces, so its users' code compiles):
 * with at most `maxMethodParams` inputs, each is its own argument: the body first, then the
 * parameters in alphabetical order of their names; with more, one request object.
 */
import type { Argument, CallShape, Input, Param, RequestBody, Response, ResultField } from "./ir";

export interface CallShapeInput {
  /** Already in alphabetical order of their names. */
  readonly params: readonly Param[];
  readonly body?: RequestBody;
  readonly responses: readonly Response[];
  readonly maxMethodParams: number;
}

export function callShapeOf(input: CallShapeInput): CallShape {
  const inputs = inputsOf(input.params, input.body);
  const style = inputs.length <= input.maxMethodParams ? "positional" : "request";
  const args = style === "positional" ? positionalArgs(inputs) : [requestArg(inputs)];
  return { style, inputs, args, resultFields: resultFieldsOf(input.responses) };
}

function inputsOf(params: readonly Param[], body: RequestBody | undefined): Input[] {
  const inputs: Input[] = [];
  if (body) inputs.push({ kind: "body", field: body.fieldName, type: body.type, required: body.required, body });
  for (const param of params) inputs.push({ kind: "param", field: param.name, type: param.type, required: param.required, param });
  return inputs;
}

function positionalArgs(inputs: readonly Input[]): Argument[] {
  const lastRequired = inputs.map((i) => i.required).lastIndexOf(true);
  // A body-only operation takes `request`, as the replaced SDK did; otherwise the body's own name.
  const bodyOnly = inputs.length === 1 && inputs[0].kind === "body";
  return inputs.map((input, i) => ({
    name: bodyOnly ? "request" : input.field,
    required: input.required,
    omittable: !input.required && i > lastRequired,
    input,
  }));
}

function requestArg(inputs: readonly Input[]): Argument {
  const required = inputs.some((i) => i.required);
  return { name: "request", required, omittable: !required };
}

/** One field per distinct result name, typed by the first response that fills it. */
function resultFieldsOf(responses: readonly Response[]): ResultField[] {
  const fields = new Map<string, ResultField>();
  for (const r of responses) {
    if (!r.fieldName || !r.type || fields.has(r.fieldName)) continue;
    fields.set(r.fieldName, { name: r.fieldName, type: r.type, kind: r.kind, status: r.status, description: r.description });
  }
  return [...fields.values()];
}
