/**
 * OpenAI retired the Assistants v1 API in two steps: first a 400 asking for the v2 beta header,
 * then 404s for its routes. An error from an operation that sends `OpenAI-Beta: assistants=v1`
 * says which of the two happened and where to go from there.
 */
import type { OperationDef } from "./contract";

const WHERE_TO_GO =
  `see "Where to run it" in gpt-sdk's README ` + "(the emulator, a compatible server, or a newer OpenAI document)";

function sendsAssistantsV1(op: OperationDef): boolean {
  return Object.entries(op.headers ?? {}).some(
    ([name, value]) => name.toLowerCase() === "openai-beta" && /\bassistants=v1\b/.test(value),
  );
}

/** A sentence to add to the error's message, or undefined when the answer is an ordinary error. */
export function retiredApiHint(op: OperationDef, status: number, reported: unknown): string | undefined {
  if (!sendsAssistantsV1(op) || typeof reported !== "string") return undefined;
  if (status === 400 && /v1 Assistants API has been deprecated/i.test(reported)) {
    return `OpenAI has deprecated the Assistants v1 API this SDK calls: ${WHERE_TO_GO}.`;
  }
  if (status === 404 && /^Invalid URL\b/.test(reported)) {
    return `This server no longer serves the Assistants v1 API (OpenAI shut it down): ${WHERE_TO_GO}.`;
  }
  return undefined;
}
