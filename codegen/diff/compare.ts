/** Two surfaces → the list of changes, each marked breaking or not, as markdown. */
import type { SurfaceEntry } from "./surface";

export interface Change {
  readonly breaking: boolean;
  readonly text: string;
}

export function compareSurfaces(before: Map<string, SurfaceEntry>, after: Map<string, SurfaceEntry>): Change[] {
  const changes: Change[] = [];
  // A field or parameter of a model/operation that came or went with it is not listed twice.
  const parentGone = (key: string, surface: Map<string, SurfaceEntry>) => {
    const owner = ownerKey(key);
    return owner !== undefined && !surface.has(owner);
  };
  for (const [key, old] of before) {
    const now = after.get(key);
    if (!now) {
      if (!parentGone(key, after)) changes.push({ breaking: true, text: `${old.kind} \`${old.label}\` removed` });
      continue;
    }
    if (old.type !== undefined && now.type !== undefined && old.type !== now.type) {
      changes.push({ breaking: true, text: `${now.kind} \`${now.label}\` changed type: \`${old.type}\` → \`${now.type}\`` });
    }
    if (old.required === false && now.required === true) changes.push({ breaking: true, text: `${now.kind} \`${now.label}\` is now required` });
    if (old.required === true && now.required === false) changes.push({ breaking: false, text: `${now.kind} \`${now.label}\` is now optional` });
    if (!old.deprecated && now.deprecated) changes.push({ breaking: false, text: `${now.kind} \`${now.label}\` is now deprecated` });
  }
  for (const [key, now] of after) {
    if (before.has(key) || parentGone(key, before)) continue;
    // A new required field or parameter breaks code that builds the request without it.
    const breaking = now.required === true && now.kind === "parameter";
    changes.push({ breaking, text: `${now.kind} \`${now.label}\` added${now.required ? " (required)" : ""}${now.deprecated ? " (deprecated)" : ""}` });
  }
  return changes.sort((a, b) => Number(b.breaking) - Number(a.breaking) || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
}

/** The operation or model an entry belongs to. */
function ownerKey(key: string): string | undefined {
  const [kind, rest] = [key.slice(0, key.indexOf(":")), key.slice(key.indexOf(":") + 1)];
  const owner = rest.slice(0, rest.indexOf("."));
  if (kind === "param") return `op:${owner}`;
  if (kind === "field" || kind === "enum") return `model:${owner}`;
  return undefined;
}

export function changesMarkdown(changes: readonly Change[], from: string, to: string): string {
  const breaking = changes.filter((c) => c.breaking);
  const other = changes.filter((c) => !c.breaking);
  const list = (items: readonly Change[]) => (items.length > 0 ? items.map((c) => `- ${c.text}`).join("\n") : "None.");
  return (
    `# SDK changes from ${from} to ${to}\n\n` +
    `${breaking.length} breaking, ${other.length} non-breaking.\n\n` +
    `## Breaking\n\n${list(breaking)}\n\n## Non-breaking\n\n${list(other)}\n`
  );
}
