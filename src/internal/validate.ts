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
    const value = args.path?.[name];
    if (value === undefined || value === null || value === "") {
      throw new SDKValidationError(
        `${op.operationId}: missing required path parameter "${name}"`,
        op.operationId,
        name,
      );
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
  for (const param of op.queryParams ?? []) {
    const value = args.query?.[param.name];
    if (param.required && (value === undefined || value === null)) {
      throw new SDKValidationError(
        `${op.operationId}: missing required query parameter "${param.name}"`,
        op.operationId,
        param.name,
      );
    }
  }
  for (const param of op.headerParams ?? []) {
    const value = args.headers?.[param.name];
    if (param.required && (value === undefined || value === null)) {
      throw new SDKValidationError(
        `${op.operationId}: missing required header "${param.name}"`,
        op.operationId,
        param.name,
      );
    }
  }
  for (const param of op.cookieParams ?? []) {
    const value = args.cookies?.[param.name];
    if (param.required && (value === undefined || value === null)) {
      const message = `${op.operationId}: missing required cookie "${param.name}"`;
      throw new SDKValidationError(message, op.operationId, param.name);
    }
  }
  if (op.body?.required && (args.body === undefined || args.body === null)) {
    throw new SDKValidationError(`${op.operationId}: missing required request body`, op.operationId, "body");
  }
}
