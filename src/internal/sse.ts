/**
 * Server-sent events (text/event-stream) as an async iterable of typed values: a `done`
 * event or `[DONE]` data ends the stream, an `error` event or error payload throws, and
 * `abort()` stops reading.
 */
import { APIStreamError, SDKError } from "./errors";
import { EventParser, type ServerSentEvent } from "./sse-parser";

export { EventParser, type ServerSentEvent };

/** The events of a stream of bytes or text, one by one. */
export async function* parseEvents(
  source: AsyncIterable<Uint8Array | string>,
): AsyncGenerator<ServerSentEvent, void, undefined> {
  const parser = new EventParser();
  const events: ServerSentEvent[] = [];
  for await (const chunk of source) {
    parser.push(chunk, events);
    yield* events;
    events.length = 0;
  }
  parser.finish(events);
  yield* events;
}

/** Turns one event's parsed data into the stream's value; `event` is the SSE event name, if any. */
export type EventDecoder<T> = (data: unknown, event: string | undefined) => T;

export class EventStream<T> implements AsyncIterable<T> {
  private consumed = false;

  private stopped = false;

  /** `stop` closes the connection; it is called once, when reading ends for any reason. */
  constructor(
    private readonly source: AsyncIterable<Uint8Array | string>,
    private readonly decode: EventDecoder<T>,
    private readonly operationId: string,
    private readonly stop: () => void,
    /** The caller's abort error, when their AbortSignal ended the stream. */
    private readonly abortedByCaller: () => Error | undefined = () => undefined,
  ) {}

  /** Stops the stream: the connection is closed and iteration ends. */
  abort(): void {
    this.close();
  }

  private close(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.stop();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    if (this.consumed) throw new SDKError(`${this.operationId}: a stream can be read only once`);
    this.consumed = true;
    const chunks = this.source[Symbol.asyncIterator]();
    const parser = new EventParser();
    // Most chunks complete several events: one await per chunk, then the events it completed.
    const batch: ServerSentEvent[] = [];
    let ended = false;
    try {
      for (; !ended; batch.length = 0) {
        const next = await chunks.next();
        ended = next.done === true;
        if (ended) parser.finish(batch);
        else parser.push(next.value, batch);
        for (let i = 0; i < batch.length; i++) {
          const message = batch[i];
          if (message.event === "done" || message.data === "[DONE]") return;
          yield this.value(message);
          if (this.stopped) return;
        }
      }
    } catch (error) {
      const abort = this.abortedByCaller();
      if (abort) throw abort;
      if (this.stopped) return;
      throw error;
    } finally {
      // Leaving early (break, return, throw) closes the connection, then lets the source clean up.
      this.close();
      if (!ended) await chunks.return?.().catch(() => undefined);
    }
  }

  private value(message: ServerSentEvent): T {
    let data: unknown;
    try {
      data = JSON.parse(message.data);
    } catch {
      const excerpt = message.data.slice(0, 200);
      throw new SDKError(`${this.operationId}: stream event is not valid JSON: ${excerpt}`, { body: message.data });
    }
    if (message.event === "error" || (message.event === undefined && isErrorPayload(data))) {
      throw new APIStreamError(this.operationId, message.event, message.data, data);
    }
    return this.decode(data, message.event);
  }
}

/** `{ "error": ... }` and nothing else: how a stream without event names reports a failure. */
function isErrorPayload(value: unknown): boolean {
  if (typeof value !== "object" || value === null || !("error" in value)) return false;
  for (const key in value) if (key !== "error") return false;
  return true;
}
