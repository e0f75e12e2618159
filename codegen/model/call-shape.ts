/**
 * The call shape of an operation: the generated method's arguments and its result's fields.
 * Decided here once; the code, docs, examples and --diff only print it.
 *
 * Without a lock (a first generation), the rule of the SDK this one replaces, so its users'
 * code compiles: with at most `maxMethodParams` inputs, each is its own argument (the body
 * first, then the parameters in alphabetical order of their names); with more, one request
 * object. With a lock (gen.lock), the locked shape is kept and inputs the lock does not know
 * are taken through the trailing `options` argument; a locked input the document no longer
 * has keeps its position, typed `undefined` (docs/ARCHITECTURE.md, "The stable surface").
 */
import { REQUEST_OPTION_KEYS } from "../../src/internal/contract";
import type { LockedCall } from "../lock/lock";
import type { Argument, CallShape, Input, OptionInput, Param, RequestBody, Response, ResultField } from "./ir";
import { argumentName, NameScope } from "./names";

export interface CallShapeInput {
  /** Already in alphabetical order of their names. */
  readonly params: readonly Param[];
  readonly body?: RequestBody;
  readonly responses: readonly Response[];
  readonly maxMethodParams: number;
  readonly locked?: LockedCall;
}

/** An input's identity in the lock: `body`, or `<in>:<wire name>`. */
export function inputKey(input: Input): string {
  return input.kind === "body" ? "body" : `${input.param.in}:${input.param.wireName}`;
}

export function callShapeOf(input: CallShapeInput): CallShape {
  const inputs = inputsOf(input.params, input.body);
  const resultFields = resultFieldsOf(input.responses);
  const locked = input.locked;
  if (locked?.style === "request" || (!locked && inputs.length > input.maxMethodParams)) {
    return { style: "request", inputs, args: [requestArg(inputs)], optionInputs: [], resultFields };
  }
  const order = locked?.args ?? inputs.map(inputKey);
  const byKey = new Map(inputs.map((i) => [inputKey(i), i]));
  const optionInputs = optionInputsOf(inputs.filter((i) => !order.includes(inputKey(i))));
  const optionsRequired = optionInputs.some((o) => o.input.required);
  const args = positionalArgs(
    order.map((key) => ({ key, input: byKey.get(key) })),
    optionsRequired,
  );
  return { style: "positional", inputs, args, optionInputs, resultFields };
}

function inputsOf(params: readonly Param[], body: RequestBody | undefined): Input[] {
  const inputs: Input[] = [];
  if (body) inputs.push({ kind: "body", field: body.fieldName, type: body.type, required: body.required, body });
  for (const param of params)
    inputs.push({ kind: "param", field: param.name, type: param.type, required: param.required, param });
  return inputs;
}

function positionalArgs(slots: readonly { key: string; input?: Input }[], optionsRequired: boolean): Argument[] {
  const lastRequired = optionsRequired ? slots.length : slots.map((s) => s.input?.required === true).lastIndexOf(true);
  // A body-only operation takes `request`, as the replaced SDK did; otherwise the body's own name.
  const bodyOnly = slots.length === 1 && slots[0].key === "body";
  return slots.map(({ key, input }, i) => {
    const required = input?.required === true;
    const name = bodyOnly ? "request" : input ? input.field : removedName(key);
    return { name, required, omittable: !required && i > lastRequired, input, removedKey: input ? undefined : key };
  });
}

/** The argument name a removed input had (`path:thread_id` → `threadId`). */
function removedName(key: string): string {
  return key === "body" ? "requestBody" : argumentName(key.slice(key.indexOf(":") + 1));
}

/** New inputs, named as `options` fields; a name axios or the SDK already uses there gets `Param`. */
function optionInputsOf(inputs: readonly Input[]): OptionInput[] {
  const scope = new NameScope();
  for (const key of REQUEST_OPTION_KEYS) scope.claim([key]);
  return inputs.map((input) => ({ name: scope.claim([input.field, `${input.field}Param`]), input }));
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
    fields.set(r.fieldName, {
      name: r.fieldName,
      type: r.type,
      kind: r.kind,
      status: r.status,
      description: r.description,
    });
  }
  return [...fields.values()];
}
