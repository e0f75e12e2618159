/**
 * Messages rebuilt from a run's stream: `thread.message.delta` events carry pieces of text by
 * message id and content index; appended in arrival order they give each part's full text.
 */

/** One text part of a streamed message. */
export interface StreamedTextPart {
  /** Its position in the message's content. */
  readonly index: number;
  /** The text, every delta appended in order. */
  text: string;
}

/** A message the run wrote, as rebuilt from its events. */
export interface StreamedMessage {
  readonly id: string;
  /** From the message's own events (`thread.message.created`, `...completed`), when they came. */
  role: string | undefined;
  status: string | undefined;
  /** Text parts by content index, in index order. */
  readonly content: StreamedTextPart[];
  /** Every text part joined, in index order. */
  text: string;
}

/** What the accumulator reads of a message event's data (a message, or a message delta). */
interface MessageLike {
  readonly id?: unknown;
  readonly role?: unknown;
  readonly status?: unknown;
  readonly content?: unknown;
  readonly delta?: { readonly content?: unknown } | null;
}

interface TextPartLike {
  readonly index?: unknown;
  readonly type?: unknown;
  readonly text?: { readonly value?: unknown } | null;
}

export class MessageAccumulator {
  private readonly messages = new Map<string, StreamedMessage>();

  /** Reads one event; events other than `thread.message.*` are ignored. */
  add(event: string, data: unknown): void {
    if (!event.startsWith("thread.message.") || typeof data !== "object" || data === null) return;
    const message = data as MessageLike;
    if (typeof message.id !== "string") return;
    const entry = this.entry(message.id);
    if (event === "thread.message.delta") {
      forEachText(message.delta?.content, (index, value) => (this.part(entry, index).text += value));
      return;
    }
    if (typeof message.role === "string") entry.role = message.role;
    if (typeof message.status === "string") entry.status = message.status;
    // A full message fills the parts no delta wrote (a message sent whole); deltas already hold the rest.
    forEachText(message.content, (index, value) => {
      if (!entry.content.some((p) => p.index === index)) this.part(entry, index).text = value;
    });
  }

  /** The messages in the order they first appeared, with `text` joined. */
  result(): StreamedMessage[] {
    const out = [...this.messages.values()];
    for (const message of out) message.text = message.content.map((p) => p.text).join("");
    return out;
  }

  private entry(id: string): StreamedMessage {
    let entry = this.messages.get(id);
    if (!entry) {
      entry = { id, role: undefined, status: undefined, content: [], text: "" };
      this.messages.set(id, entry);
    }
    return entry;
  }

  private part(message: StreamedMessage, index: number): StreamedTextPart {
    let part = message.content.find((p) => p.index === index);
    if (!part) {
      part = { index, text: "" };
      message.content.push(part);
      message.content.sort((a, b) => a.index - b.index);
    }
    return part;
  }
}

/** Calls `visit` for each text part of a content array with its `index` (else its position) and text. */
function forEachText(content: unknown, visit: (index: number, value: string) => void): void {
  if (!Array.isArray(content)) return;
  content.forEach((raw: unknown, position) => {
    const part = raw as TextPartLike | null;
    if (part === null || typeof part !== "object" || part.type !== "text") return;
    const value = part.text?.value;
    if (typeof value !== "string") return;
    visit(typeof part.index === "number" ? part.index : position, value);
  });
}
