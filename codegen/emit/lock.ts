/** gen.lock as this generation leaves it: every operation's call shape and every type's name. */
import { LOCK_FILE, lockText, type LockedCall, type SurfaceLock } from "../lock/lock";
import { inputKey } from "../model/call-shape";
import type { ApiModel } from "../model/ir";
import type { GeneratedFile } from "./file";

export function emitLock(model: ApiModel): GeneratedFile {
  const operations = new Map<string, LockedCall>();
  for (const op of model.tags.flatMap((t) => t.operations)) {
    const { style, args } = op.call;
    if (style === "request") {
      operations.set(op.operationId, { style });
      continue;
    }
    // A removed position stays locked: dropping it would shift the arguments after it.
    operations.set(op.operationId, { style, args: args.map((a) => a.removedKey ?? inputKey(a.input!)) });
  }
  const lock: SurfaceLock = { operations, names: model.typeNames };
  return { path: LOCK_FILE, content: lockText(lock) };
}
