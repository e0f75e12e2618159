/** The API's error answers: `{"error": {"message", "type", "param", "code"}}` with a status. */

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly param: string | null = null,
    readonly code: string | null = null,
    readonly type: string = "invalid_request_error",
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }

  body(): { error: { message: string; type: string; param: string | null; code: string | null } } {
    return { error: { message: this.message, type: this.type, param: this.param, code: this.code } };
  }
}

export type ObjectKind = "assistant" | "thread" | "message" | "run" | "step" | "file";

export function notFound(kind: ObjectKind, id: string): ApiFailure {
  return new ApiFailure(404, `No ${kind} found with id '${id}'.`);
}

export function badRequest(message: string, param: string | null = null, code: string | null = null): ApiFailure {
  return new ApiFailure(400, message, param, code);
}

export function invalidUrl(method: string, path: string): ApiFailure {
  return new ApiFailure(404, `Invalid URL (${method} ${path})`);
}
