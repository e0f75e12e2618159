/**
 * Request body checks with the API's v1 limits, each failure a 400 naming the parameter.
 * `Fields` reads one JSON object: it rejects unknown keys up front, then each getter checks one field.
 */
import { badRequest, type ApiFailure } from "./errors";
import type { Metadata, Tool } from "./types";

export const LIMITS = {
  metadataPairs: 16,
  metadataKey: 64,
  metadataValue: 512,
  assistantTools: 128,
  runTools: 20,
  assistantFiles: 20,
  messageFiles: 10,
  name: 256,
  description: 512,
  instructions: 32_768,
  content: 32_768,
} as const;

const FUNCTION_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

export function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "number") return Number.isInteger(value) ? "an integer" : "a decimal";
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
}

export function invalidType(param: string, expected: string, value: unknown): ApiFailure {
  return badRequest(
    `Invalid type for '${param}': expected ${expected}, but got ${typeName(value)} instead.`,
    param,
    "invalid_type",
  );
}

export function missing(param: string): ApiFailure {
  return badRequest(`Missing required parameter: '${param}'.`, param, "missing_required_parameter");
}

export function invalidValue(param: string, value: unknown, allowed: readonly string[]): ApiFailure {
  const list = allowed.map((v) => `'${v}'`);
  const supported = list.length > 1 ? `${list.slice(0, -1).join(", ")} and ${list[list.length - 1]}` : list[0];
  return badRequest(`Invalid value: '${String(value)}'. Supported values are: ${supported}.`, param, "invalid_value");
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export class Fields {
  private readonly body: Record<string, unknown>;

  constructor(
    body: unknown,
    allowed: readonly string[],
    private readonly prefix = "",
  ) {
    if (!isObject(body)) throw invalidType(prefix || "body", "an object", body);
    const unknown = Object.keys(body).find((key) => !allowed.includes(key));
    if (unknown !== undefined)
      throw badRequest(`Unrecognized request argument supplied: ${prefix}${unknown}`, `${prefix}${unknown}`);
    this.body = body;
  }

  has(name: string): boolean {
    return this.body[name] !== undefined;
  }

  raw(name: string): unknown {
    return this.body[name];
  }

  requiredString(name: string, max?: number): string {
    const value = this.body[name];
    if (value === undefined || value === null) throw missing(this.param(name));
    return this.checkString(name, value, max);
  }

  /** undefined when absent; null when sent as null. */
  optionalString(name: string, max?: number): string | null | undefined {
    const value = this.body[name];
    if (value === undefined || value === null) return value as null | undefined;
    return this.checkString(name, value, max);
  }

  metadata(): Metadata | undefined {
    const value = this.body.metadata;
    if (value === undefined) return undefined;
    if (value === null) return {};
    return checkMetadata(value, this.param("metadata"));
  }

  fileIds(max: number): string[] | undefined {
    const value = this.body.file_ids;
    if (value === undefined) return undefined;
    const param = this.param("file_ids");
    if (!Array.isArray(value)) throw invalidType(param, "an array", value);
    checkArrayLength(param, value, max);
    value.forEach((id, i) => {
      if (typeof id !== "string") throw invalidType(`${param}[${i}]`, "a string", id);
    });
    return [...new Set(value as string[])];
  }

  tools(max: number): Tool[] | undefined {
    const value = this.body.tools;
    if (value === undefined || value === null) return undefined;
    const param = this.param("tools");
    if (!Array.isArray(value)) throw invalidType(param, "an array", value);
    checkArrayLength(param, value, max);
    return value.map((tool, i) => checkTool(tool, `${param}[${i}]`));
  }

  private checkString(name: string, value: unknown, max?: number): string {
    const param = this.param(name);
    if (typeof value !== "string") throw invalidType(param, "a string", value);
    if (max !== undefined && value.length > max) throw stringTooLong(param, max, value.length);
    return value;
  }

  private param(name: string): string {
    return `${this.prefix}${name}`;
  }
}

/** `Invalid 'x': <problem>. Expected <expected>, but got <got> instead.` */
function outOfBounds(param: string, problem: string, expected: string, got: string, code: string): ApiFailure {
  return badRequest(`Invalid '${param}': ${problem}. Expected ${expected}, but got ${got} instead.`, param, code);
}

function stringTooLong(param: string, max: number, length: number): ApiFailure {
  const expected = `a string with maximum length ${max}`;
  return outOfBounds(param, "string too long", expected, `a string with length ${length}`, "string_above_max_length");
}

function checkArrayLength(param: string, value: unknown[], max: number): void {
  if (value.length <= max) return;
  const expected = `an array with maximum length ${max}`;
  throw outOfBounds(
    param,
    "array too long",
    expected,
    `an array with length ${value.length}`,
    "array_above_max_length",
  );
}

export function checkMetadata(value: unknown, param = "metadata"): Metadata {
  if (!isObject(value)) throw invalidType(param, "an object", value);
  const entries = Object.entries(value);
  if (entries.length > LIMITS.metadataPairs) {
    const expected = `an object with at most ${LIMITS.metadataPairs} properties`;
    const got = `an object with ${entries.length} properties`;
    throw outOfBounds(param, "too many properties", expected, got, "object_above_max_properties");
  }
  for (const [key, item] of entries) {
    if (key.length > LIMITS.metadataKey) {
      const expected = `keys of at most ${LIMITS.metadataKey} characters`;
      throw outOfBounds(param, "key too long", expected, `a key of ${key.length} characters`, "key_above_max_length");
    }
    if (typeof item !== "string") throw invalidType(`${param}.${key}`, "a string", item);
    if (item.length > LIMITS.metadataValue) throw stringTooLong(`${param}.${key}`, LIMITS.metadataValue, item.length);
  }
  return { ...(value as Metadata) };
}

const TOOL_TYPES = ["code_interpreter", "retrieval", "function"] as const;

function checkTool(tool: unknown, param: string): Tool {
  const fields = new Fields(tool, ["type", "function"], `${param}.`);
  const type = fields.requiredString("type");
  if (!(TOOL_TYPES as readonly string[]).includes(type)) throw invalidValue(`${param}.type`, type, TOOL_TYPES);
  if (type !== "function") {
    if (fields.has("function"))
      throw badRequest(`Unrecognized request argument supplied: ${param}.function`, `${param}.function`);
    return { type } as Tool;
  }
  if (!fields.has("function")) throw missing(`${param}.function`);
  const fn = new Fields(fields.raw("function"), ["name", "description", "parameters"], `${param}.function.`);
  const name = fn.requiredString("name");
  if (!FUNCTION_NAME.test(name)) {
    throw badRequest(
      `Invalid '${param}.function.name': '${name}' does not match '^[a-zA-Z0-9_-]{1,64}$'.`,
      `${param}.function.name`,
      "invalid_value",
    );
  }
  const description = fn.optionalString("description");
  const parameters = fn.raw("parameters");
  if (parameters !== undefined && !isObject(parameters))
    throw invalidType(`${param}.function.parameters`, "an object", parameters);
  return {
    type: "function",
    function: {
      name,
      ...(description != null ? { description } : {}),
      ...(parameters !== undefined ? { parameters: parameters as Record<string, unknown> } : {}),
    },
  };
}
