/**
 * What the loopback server answers: a 20-message `listMessages` page and a `createRun` run,
 * shaped like OpenAI's Assistants (v1, 2023-11) responses: text parts with `file_citation`
 * and `file_path` annotations, some image parts, metadata, nulls where the API sends them.
 */
export const THREAD_ID = "thread_abc123XYZdef456GHIjkl789";
export const ASSISTANT_ID = "asst_9F2mYc7LqR4tWb1ZnK8sHxVe";
export const RUN_ID = "run_Q2w3E4r5T6y7U8i9O0pA1sD2";
export const PAGE_SIZE = 20;

const SENTENCES = [
  "The quarterly revenue grew by 12.4% compared to the previous period, driven mostly by the enterprise segment.",
  "According to the uploaded report, churn fell to 3.1% after the onboarding flow was redesigned in March.",
  "I plotted the monthly active users and saved the chart so you can download it.",
  "Here is a summary of the three largest cost centres, with the figures rounded to the nearest thousand.",
  "Can you compare these numbers with last year's and tell me whether the trend is seasonal?",
  "The median response time across all regions was 182 ms, with the 99th percentile at 1.4 s.",
];

function text(i: number): string {
  return [
    SENTENCES[i % SENTENCES.length],
    SENTENCES[(i + 2) % SENTENCES.length],
    SENTENCES[(i + 4) % SENTENCES.length],
  ].join(" ");
}

function fileId(i: number): string {
  return `file-${(1000003 * (i + 7)).toString(36).padStart(8, "x")}Ab12Cd34Ef56`;
}

/** An assistant message's citation of a file and link to a file it wrote. */
function annotations(i: number): unknown[] {
  return [
    {
      type: "file_citation",
      text: "【13†source】",
      start_index: 40,
      end_index: 52,
      file_citation: { file_id: fileId(i), quote: SENTENCES[(i + 1) % SENTENCES.length] },
    },
    {
      type: "file_path",
      text: "sandbox:/mnt/data/chart.png",
      start_index: 90,
      end_index: 117,
      file_path: { file_id: fileId(i + 50) },
    },
  ];
}

export function message(i: number): Record<string, unknown> {
  const assistant = i % 2 === 1;
  const value = text(i);
  const content: unknown[] = [];
  if (assistant && i % 4 === 3) content.push({ type: "image_file", image_file: { file_id: fileId(i + 100) } });
  content.push({
    type: "text",
    text: {
      value,
      annotations: assistant ? annotations(i) : [],
    },
  });
  return {
    id: `msg_${(i * 7919 + 104729).toString(36)}AbCdEfGhIjKlMn`,
    object: "thread.message",
    created_at: 1700000000 + i * 37,
    thread_id: THREAD_ID,
    role: assistant ? "assistant" : "user",
    content,
    file_ids: assistant ? [] : [fileId(i)],
    assistant_id: assistant ? ASSISTANT_ID : null,
    run_id: assistant ? RUN_ID : null,
    metadata: i % 3 === 0 ? { source: "bench", index: String(i) } : {},
  };
}

export function messagesPage(): Record<string, unknown> {
  const data = Array.from({ length: PAGE_SIZE }, (_, i) => message(i));
  return { object: "list", data, first_id: data[0].id, last_id: data[data.length - 1].id, has_more: true };
}

export function run(assistantId: string = ASSISTANT_ID): Record<string, unknown> {
  return {
    id: RUN_ID,
    object: "thread.run",
    created_at: 1700000500,
    thread_id: THREAD_ID,
    assistant_id: assistantId,
    status: "queued",
    required_action: null,
    last_error: null,
    expires_at: 1700001100,
    started_at: null,
    cancelled_at: null,
    failed_at: null,
    completed_at: null,
    model: "gpt-4-1106-preview",
    instructions: "You are a data analyst. Answer with figures from the attached files and cite them.",
    tools: [
      { type: "code_interpreter" },
      { type: "retrieval" },
      {
        type: "function",
        function: {
          name: "get_weather",
          description: "Current weather for a city.",
          parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
        },
      },
    ],
    file_ids: [fileId(1), fileId(2)],
    metadata: { user: "bench" },
  };
}
