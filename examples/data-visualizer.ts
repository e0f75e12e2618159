/**
 * The seed's "Data visualizer" flow, written with gpt-sdk's helpers:
 * upload a CSV and wait until it is processed, create an assistant with `code_interpreter`
 * and the file, create a thread with a message, run it until completion, list the messages
 * (and save the charts the assistant drew).
 *
 *   npm run demo                                           # no key: an embedded emulator answers
 *   OPENAI_API_KEY=sk-... npx tsx examples/data-visualizer.ts [--server URL] [path/to/data.csv]
 */
import { createReadStream, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Gpt, createAndWaitForCompletion, createAndWaitForProcessing } from "../src";
import { startEmulator } from "../src/emulator";

interface Connection {
  sdk: Gpt;
  close(): Promise<void>;
}

/** With OPENAI_API_KEY: OpenAI, or the `--server` URL. Without: an emulator in this process. */
async function connect(server: string | undefined): Promise<Connection> {
  const apiKey = process.env.OPENAI_API_KEY;
  if (apiKey) return { sdk: new Gpt({ apiKeyAuth: apiKey, serverURL: server }), close: async () => {} };
  if (server) throw new Error("--server needs OPENAI_API_KEY (the key that server expects).");
  // One run transition per second: each of the helpers' polls (every second) sees the next status.
  const emulator = await startEmulator({ stepMs: 1000 });
  console.log(`OPENAI_API_KEY is not set: using gpt-sdk's emulator at ${emulator.url}`);
  return { sdk: new Gpt({ apiKeyAuth: "sk-emulator", serverURL: emulator.url }), close: emulator.close };
}

/** `[--server URL] [path/to/data.csv]` */
function parseArgs(args: string[]): { server?: string; csvPath: string } {
  const at = args.indexOf("--server");
  const server = at === -1 ? undefined : args[at + 1];
  if (at !== -1 && !server) throw new Error("--server needs a URL, e.g. --server http://127.0.0.1:4010/v1");
  const rest = at === -1 ? args : [...args.slice(0, at), ...args.slice(at + 2)];
  return { server, csvPath: rest[0] ?? join(__dirname, "fixtures", "mydata.csv") };
}

/** An `onStatus` callback that prints a line only when the status changes. */
function printChanges(label: (item: { id: string }) => string): (item: { id: string; status: string }) => void {
  let last: string | undefined;
  return (item) => {
    if (item.status !== last) console.log(`${label(item)}: ${item.status}`);
    last = item.status;
  };
}

async function visualize(sdk: Gpt, csvPath: string): Promise<void> {
  // 1. Upload the CSV and wait until it is processed (throws FileProcessingError if it fails).
  const file = await createAndWaitForProcessing(
    sdk,
    { purpose: "assistants", file: createReadStream(csvPath) },
    { onStatus: printChanges((f) => `file ${f.id}`) },
  );
  const assistantId = await createVisualizer(sdk, file.id);
  try {
    const threadId = await runVisualizer(sdk, assistantId, file.id);
    await saveMessages(sdk, threadId);
  } finally {
    await sdk.assistants.deleteAssistant(assistantId);
    await sdk.files.deleteFile(file.id);
  }
}

/** 2. An assistant that can run code on the file. */
async function createVisualizer(sdk: Gpt, fileId: string): Promise<string> {
  const { assistantObject: assistant } = await sdk.assistants.createAssistant({
    name: "Data visualizer",
    description:
      "You are great at creating beautiful data visualizations. You analyze data present in .csv files, understand trends, and come up with data visualizations relevant to those trends. You also share a brief text summary of the trends observed.",
    model: "gpt-4-1106-preview",
    tools: [{ type: "code_interpreter" }],
    fileIds: [fileId],
  });
  if (!assistant) throw new Error("createAssistant returned no assistant");
  return assistant.id;
}

/** 3 and 4. A thread with the user's request, run until done; returns the thread's id. */
async function runVisualizer(sdk: Gpt, assistantId: string, fileId: string): Promise<string> {
  const { threadObject: thread } = await sdk.assistants.createThread({
    messages: [
      { role: "user", content: "Create 3 data visualizations based on the trends in this file.", fileIds: [fileId] },
    ],
  });
  if (!thread) throw new Error("createThread returned no thread");

  // Code interpreter runs take a while: allow 5 minutes.
  const run = await createAndWaitForCompletion(
    sdk,
    thread.id,
    { assistantId },
    { timeoutMs: 5 * 60_000, onStatus: printChanges((r) => `run ${r.id}`) },
  );
  if (run.status !== "completed") {
    throw new Error(`Run finished with status ${run.status}: ${JSON.stringify(run.lastError)}`);
  }
  return thread.id;
}

/** 5. Every message of the thread, oldest first, across pages: text printed, charts saved. */
async function saveMessages(sdk: Gpt, threadId: string): Promise<void> {
  const outDir = join(process.cwd(), "data-visualizer-output");
  for await (const message of sdk.assistants.listMessagesAll({ threadId, order: "asc" })) {
    for (const part of message.content) {
      if (part.type === "text") {
        console.log(`\n[${message.role}] ${part.text.value}`);
      } else if (part.type === "image_file") {
        const { body } = await sdk.files.downloadFile(part.imageFile.fileId);
        mkdirSync(outDir, { recursive: true });
        const path = join(outDir, `${part.imageFile.fileId}.png`);
        writeFileSync(path, body ?? new Uint8Array());
        console.log(`\n[${message.role}] chart saved to ${path}`);
      }
    }
  }
}

async function main(): Promise<void> {
  const { server, csvPath } = parseArgs(process.argv.slice(2));
  const connection = await connect(server);
  try {
    await visualize(connection.sdk, csvPath);
  } finally {
    await connection.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
