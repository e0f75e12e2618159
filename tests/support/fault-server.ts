/**
 * Faults only a real connection shows, as replies for the recording server: a reset in the
 * middle of a body, a stall, a request never answered. `useFaultServer` gives each test a
 * fresh server and the manual clock as the runtime's clock, so retry delays are asserted
 * (`clock.sleeps`), not waited for.
 */
import { ManualClock } from "./clock";
import { type Handler, type RecordingServer, startRecordingServer } from "./recording-server";

/** Sends the status line, headers and the first bytes of the body, then resets the connection. */
export function resetMidBody(body: string, bytes = 10): Handler {
  return (_req, res) => {
    res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
    res.write(body.slice(0, bytes), () => setImmediate(() => res.socket?.destroy()));
  };
}

/** Sends headers and part of the body, then stalls until the client gives up. */
export function stallMidBody(body: string, bytes = 10): Handler {
  return (_req, res) => {
    res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
    res.write(body.slice(0, bytes));
  };
}

/** Reads the request and never answers (the socket stays open until the client gives up). */
export function hang(): Handler {
  return () => undefined;
}

/** A fresh server and an installed manual clock for each test of the file that calls this. */
export function useFaultServer(): { readonly server: RecordingServer; readonly clock: ManualClock } {
  const env = {} as { server: RecordingServer; clock: ManualClock };
  beforeEach(async () => {
    env.server = await startRecordingServer();
    env.clock = new ManualClock().install();
  });
  afterEach(async () => {
    env.clock.restore();
    await env.server.close();
  });
  return env;
}
