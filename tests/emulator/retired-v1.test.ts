/**
 * When a server answers Assistants v1 calls as OpenAI did after retiring v1 (a 400 while deprecated,
 * then 404s once shut down), the SDK's error says so and points at the README's "Where to run it".
 */
import { BadRequestError, Gpt, NotFoundError } from "../../src";
import { startEmulator, type Emulator } from "../../src/emulator";

const WHERE =
  `see "Where to run it" in gpt-sdk's README ` + "(the emulator, a compatible server, or a newer OpenAI document).";
const started: Emulator[] = [];
afterAll(() => Promise.all(started.map((emu) => emu.close())));

async function sdkFor(v1: "deprecated" | "shutdown"): Promise<Gpt> {
  const emu = await startEmulator({ v1 });
  started.push(emu);
  return new Gpt({ apiKeyAuth: "sk-test", serverURL: emu.url, retries: false });
}

test("the deprecation 400 names the deprecation and the README section", async () => {
  const sdk = await sdkFor("deprecated");
  const error = await sdk.assistants.listAssistants().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(BadRequestError);
  expect((error as Error).message).toMatch(
    new RegExp(
      String.raw`^400 Bad Request: The v1 Assistants API has been deprecated\. .* \(request req_[0-9a-f]{32}\) ` +
        "OpenAI has deprecated the Assistants v1 API this SDK calls: ",
    ),
  );
  expect((error as Error).message.endsWith(WHERE)).toBe(true);
});

test("the 404 after the shutdown names the shutdown; Files calls and ordinary 404s are untouched", async () => {
  const sdk = await sdkFor("shutdown");
  const error = await sdk.assistants.createThread().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(NotFoundError);
  expect((error as Error).message).toMatch(
    /^404 Not Found: Invalid URL \(POST \/v1\/threads\) \(request req_[0-9a-f]{32}\) /,
  );
  expect((error as Error).message).toContain(
    `This server no longer serves the Assistants v1 API (OpenAI shut it down): ${WHERE}`,
  );

  const fileError = await sdk.files.retrieveFile("file-x").catch((e: unknown) => e);
  expect((fileError as Error).message).toMatch(
    /^404 Not Found: No file found with id 'file-x'\. \(request req_[0-9a-f]{32}\)$/,
  );

  const live = await startEmulator();
  started.push(live);
  const liveSdk = new Gpt({ apiKeyAuth: "sk-test", serverURL: live.url, retries: false });
  const missing = await liveSdk.assistants.getAssistant("asst_x").catch((e: unknown) => e);
  expect((missing as Error).message).toMatch(
    /^404 Not Found: No assistant found with id 'asst_x'\. \(request req_[0-9a-f]{32}\)$/,
  );
});
