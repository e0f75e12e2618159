/** Reads the OpenAI error object out of a response body: `{ "error": { message, type, param, code } }`. */

export interface APIErrorBody {
  message?: string;
  type?: string;
  param?: string | null;
  code?: string | null;
  [key: string]: unknown;
}

/** The body's `error` object, or undefined when the body is not JSON or has none. */
export function parseErrorBody(body: string): APIErrorBody | undefined {
  const text = body.trim();
  if (!text.startsWith("{")) return undefined;
  try {
    const parsed = JSON.parse(text);
    return parsed && typeof parsed.error === "object" && parsed.error !== null && !Array.isArray(parsed.error)
      ? parsed.error
      : undefined;
  } catch {
    return undefined;
  }
}

/** The error's `type`, falling back to its `code` (OpenAI sets both to `insufficient_quota`). */
export function errorTypeOf(body: string): string | undefined {
  const error = parseErrorBody(body);
  const type = typeof error?.type === "string" ? error.type : undefined;
  const code = typeof error?.code === "string" ? error.code : undefined;
  return type === "insufficient_quota" || code === "insufficient_quota" ? "insufficient_quota" : (type ?? code);
}
