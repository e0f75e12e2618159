/** Wire bodies and an expectation shared by the runtime tests. */
import { SDKError } from "../../src";

/** An OpenAI-style error body. */
export function openAIError(
  message: string,
  type: string,
  code: string | null = null,
): { error: Record<string, unknown> } {
  return { error: { message, type, param: null, code } };
}

/** A minimal assistant as the API sends it. */
export function assistantWire(id = "asst_abc123"): Record<string, unknown> {
  return {
    id,
    object: "assistant",
    created_at: 1699009709,
    name: "Math Tutor",
    description: null,
    model: "gpt-4",
    instructions: null,
    tools: [],
    file_ids: [],
    metadata: {},
  };
}

/** Resolves to the error a promise rejects with; fails the test if it resolves. */
export async function failure(promise: Promise<unknown>): Promise<SDKError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(SDKError);
    return error as SDKError;
  }
  throw new Error("expected the call to fail, but it succeeded");
}
