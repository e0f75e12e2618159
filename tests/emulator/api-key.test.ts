/** `apiKey`: the emulator accepts that key only, and answers any other as OpenAI did, the key masked. */
import { AuthenticationError, Gpt } from "../../src";
import { parseArgs } from "../../src/emulator/cli";
import { apiError, raw, useEmulator } from "./support";

const KEY = "sk-right-0123456789";
const t = useEmulator({ apiKey: KEY });

const incorrect = (masked: string) =>
  apiError(
    `Incorrect API key provided: ${masked}. You can find your API key at https://platform.openai.com/account/api-keys.`,
    null,
    "invalid_api_key",
  );

test("the accepted key gets through; another gets a 401 with the key masked (first 3 and last 4 shown)", async () => {
  expect((await raw(t.emu, "GET", "/v1/assistants", { key: KEY })).status).toBe(200);
  const wrong = await raw(t.emu, "GET", "/v1/assistants", { key: "sk-wrong-abcdefghij" });
  expect([wrong.status, wrong.json]).toEqual([401, incorrect("sk-************ghij")]);
  const short = await raw(t.emu, "GET", "/v1/files", { key: "sk-short" });
  expect([short.status, short.json]).toEqual([401, incorrect("********")]);
});

test("the SDK raises its typed 401 with OpenAI's message", async () => {
  const sdk = new Gpt({ apiKeyAuth: "sk-wrong-abcdefghij", serverURL: t.emu.url, retries: false });
  const error = await sdk.assistants.listAssistants().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AuthenticationError);
  expect((error as AuthenticationError).error).toEqual(incorrect("sk-************ghij").error);
});

test("gpt-sdk-emulator --api-key sets it", () => {
  expect(parseArgs(["--port", "4010", "--api-key", KEY])).toEqual({
    port: 4010,
    host: "127.0.0.1",
    latencyMs: 0,
    apiKey: KEY,
  });
});
