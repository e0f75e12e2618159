/**
 * Where the API key comes from: `apiKeyAuth`, else OPENAI_API_KEY (gen.yaml's `securityEnv`),
 * read when the client is built. A client with neither fails before sending, and says how to fix it.
 */
import { inspect } from "node:util";
import { Gpt, MissingCredentialsError } from "../../src";
import { useMockApi } from "../support/mock-api";
import { assistantWire } from "./fixtures";

const api = useMockApi();
const ENV_KEY = "sk-from-env-0987654321";
const saved = process.env.OPENAI_API_KEY;

afterEach(() => {
  if (saved === undefined) delete process.env.OPENAI_API_KEY;
  else process.env.OPENAI_API_KEY = saved;
});

function setEnvKey(value: string | undefined): void {
  if (value === undefined) delete process.env.OPENAI_API_KEY;
  else process.env.OPENAI_API_KEY = value;
}

async function failure(promise: Promise<unknown>): Promise<MissingCredentialsError> {
  try {
    await promise;
  } catch (error) {
    return error as MissingCredentialsError;
  }
  throw new Error("the call succeeded");
}

const MISSING =
  "getAssistant needs credentials and the client has none: " +
  "set the OPENAI_API_KEY environment variable or pass { apiKeyAuth } to the client's constructor.";

test("without apiKeyAuth, the key is OPENAI_API_KEY's, sent as a bearer token", async () => {
  setEnvKey(ENV_KEY);
  const sdk = new Gpt({ serverURL: api.baseURL });
  api.reply({ json: assistantWire });
  await sdk.assistants.getAssistant("asst_abc123");
  expect(api.single().headers["authorization"]).toBe(`Bearer ${ENV_KEY}`);
});

test("an explicit apiKeyAuth wins over OPENAI_API_KEY", async () => {
  setEnvKey(ENV_KEY);
  const sdk = new Gpt({ apiKeyAuth: "sk-explicit-1111", serverURL: api.baseURL });
  api.reply({ json: assistantWire });
  await sdk.assistants.getAssistant("asst_abc123");
  expect(api.single().headers["authorization"]).toBe("Bearer sk-explicit-1111");
});

test("the variable is read when the client is built, not per call", async () => {
  setEnvKey(ENV_KEY);
  const sdk = new Gpt({ serverURL: api.baseURL });
  setEnvKey("sk-changed-later");
  api.reply({ json: assistantWire });
  await sdk.assistants.getAssistant("asst_abc123");
  expect(api.single().headers["authorization"]).toBe(`Bearer ${ENV_KEY}`);
});

test.each([
  ["no variable and no option", undefined, {}],
  ["a blank variable", "  ", {}],
  ["an empty apiKeyAuth and no variable", undefined, { apiKeyAuth: "" }],
])(
  "%s: MissingCredentialsError before anything is sent, naming the variable and the option",
  async (_, env, options) => {
    setEnvKey(env);
    const sdk = new Gpt({ ...options, serverURL: api.baseURL });
    const error = await failure(sdk.assistants.getAssistant("asst_abc123"));
    expect(error).toBeInstanceOf(MissingCredentialsError);
    expect([error.message, error.operationId, error.attempts]).toEqual([MISSING, "getAssistant", 0]);
    expect(api.requests).toEqual([]);
  },
);

test("the key from the variable is scrubbed from logs like an explicit one", async () => {
  setEnvKey(ENV_KEY);
  const lines: string[] = [];
  const sdk = new Gpt({ serverURL: api.baseURL, logLevel: "debug", logger: (line) => lines.push(line) });
  api.reply({ status: 404, json: { error: { message: `no such key ${ENV_KEY}`, type: "invalid_request_error" } } });
  const error = await failure(sdk.assistants.getAssistant("asst_abc123"));
  expect(lines.join("\n")).toContain('"authorization":"***"');
  expect(lines.join("\n") + error.message + inspect(error) + JSON.stringify(error)).not.toContain(ENV_KEY);
});
