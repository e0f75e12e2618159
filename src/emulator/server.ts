/** The node:http server: listens, tracks connections, and closes for good even with keep-alive sockets open. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface Listening {
  readonly port: number;
  /** Stops accepting, ends every open connection, resolves once the server has closed. */
  close(): Promise<void>;
}

export function listen(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
  port: number,
  host: string,
  onClose: () => void,
): Promise<Listening> {
  const server: Server = createServer({ keepAliveTimeout: 5_000 }, handler);
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve({ port: (server.address() as AddressInfo).port, close: closer(server, onClose) });
    });
  });
}

function closer(server: Server, onClose: () => void): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () =>
    (closing ??= new Promise<void>((resolve) => {
      onClose();
      server.close(() => resolve());
      // Keep-alive and in-flight connections would hold close() open: end them now.
      server.closeAllConnections();
    }));
}
