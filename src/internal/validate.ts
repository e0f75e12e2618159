/**
 * Arguments checked before anything is sent: required path, query, header and cookie parameters
 * and bodies must be present, and a path parameter may not be a dot segment (`.` / `..`),
 * which every URL parser resolves, encoded or not, so the request would reach another endpoint.
 */
import { SDKValidationError } from "./errors";
import type { CallArgs, OperationDef } from "./contract";

export function checkArguments(op: OperationDef, args: CallArgs): void {
  for (const def of op.pathParams ?? []) {
    const name = typeof def === "string" ? def : def.name;
    checkPathParam(op, name, args.path?.[name]);
  }
  for (const param of op.queryParams ?? []) {
    if (param.required) requirePresent(op, args.query?.[param.name], param.name, `query parameter "${param.name}"`);
  }
  for (const param of op.headerParams ?? []) {
    if (param.required) requirePresent(op, args.headers?.[param.name], param.name, `header "${param.name}"`);
  }
  for (const param of op.cookieParams ?? []) {
    if (param.required) requirePresent(op, args.cookies?.[param.name], param.name, `cookie "${param.name}"`);
  }
  if (op.body?.required) requirePresent(op, args.body, "body", "request body");
}

function checkPathParam(op: OperationDef, name: string, value: unknown): void {
  if (value === undefined || value === null || value === "") {
    throw new SDKValidationError(`${op.operationId}: missing required path parameter "${name}"`, op.operationId, name);
  }
  const text = String(value);
  if (text === "." || text === "..") {
    throw new SDKValidationError(
      `${op.operationId}: path parameter "${name}" cannot be "${text}" (it would address another endpoint)`,
      op.operationId,
      name,
    );
  }
}

/** `what` names the missing argument in the message; `field` is the error's field. */
function requirePresent(op: OperationDef, value: unknown, field: string, what: string): void {
  if (value === undefined || value === null) {
    throw new SDKValidationError(`${op.operationId}: missing required ${what}`, op.operationId, field);
  }
}
