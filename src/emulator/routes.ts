/** Every operation the emulator serves: 28 Assistants v1 operations and 5 Files operations. */
import { assistantRoutes } from "./handlers/assistants";
import { fileRoutes } from "./handlers/files";
import { messageRoutes } from "./handlers/messages";
import { runRoutes } from "./handlers/runs";
import { threadRoutes } from "./handlers/threads";
import type { Route } from "./router";

export const ROUTES: readonly Route[] = [
  ...fileRoutes,
  ...assistantRoutes,
  ...runRoutes,
  ...threadRoutes,
  ...messageRoutes,
];
