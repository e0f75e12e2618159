/**
 * Two surfaces → the changes a user of the SDK would see, each marked breaking or not.
 *
 * Whether a type change breaks callers depends on which way data flows: widening what users
 * send (an input) or narrowing what they read (an output) keeps their code correct; the
 * reverse does not. A model used both ways breaks on any change of a field's type.
 */
import type { Direction, Surface, SurfaceEntry } from "./surface";

export interface Change {
  readonly breaking: boolean;
  readonly text: string;
}

export function compareSurfaces(before: Surface, after: Surface, hint: TagHint): Change[] {
  const changes: Change[] = [];
  const old = before.entries;
  const now = after.entries;
  for (const [key, was] of old) {
    const is = now.get(key);
    if (!is) {
      if (!ownerGone(was, now)) changes.push(removed(was));
    } else {
      changes.push(...changed(was, is));
    }
  }
  for (const [key, is] of now) {
    if (!old.has(key) && !ownerGone(is, old)) changes.push(...added(is));
  }
  changes.push(...unselectedChanges(before.unselected, after.unselected, hint));
  return changes.sort(
    (a, b) => Number(b.breaking) - Number(a.breaking) || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0),
  );
}

function removed(was: SurfaceEntry): Change {
  if (was.kind === "argument") return { breaking: true, text: `${was.label} removed` };
  return { breaking: true, text: `${was.kind} \`${was.label}\` removed` };
}

function added(is: SurfaceEntry): Change[] {
  // A new argument position exists only without a lock (a first generation): callers' later arguments shift.
  if (is.kind === "argument") return [{ breaking: true, text: `${is.label} added: later arguments move` }];
  // Users must now send a new required input; a new required output field is just more to read.
  const breaking = is.required === true && is.direction === "input";
  return [
    {
      breaking,
      text: `${is.kind} \`${is.label}\` added${is.required && is.direction === "input" ? " (required)" : ""}`,
    },
  ];
}

function changed(was: SurfaceEntry, is: SurfaceEntry): Change[] {
  const out: Change[] = [];
  const label = `${is.kind} \`${is.label}\``;
  if (was.carries !== is.carries) {
    out.push({ breaking: true, text: `${is.label} now takes \`${is.carries}\` instead of \`${was.carries}\`` });
  }
  if (was.style !== is.style)
    out.push({
      breaking: true,
      text: `${label} now takes ${is.style === "request" ? "one request object" : "positional arguments"}`,
    });
  if (was.type !== undefined && is.type !== undefined && was.type !== is.type) {
    const verdict = typeChange(was.type, is.type);
    out.push({
      breaking: breaksCallers(verdict, is.direction),
      text: `${label} changed type (${verdict}): \`${was.type}\` → \`${is.type}\``,
    });
  }
  if (was.required !== is.required && was.required !== undefined && is.required !== undefined) {
    // Newly required: callers must send it (input). Newly optional: readers may now get undefined (output).
    const breaking = is.required ? is.direction !== "output" : is.direction !== "input";
    out.push({ breaking, text: `${label} is now ${is.required ? "required" : "optional"}` });
  }
  if (!was.deprecated && is.deprecated) out.push({ breaking: false, text: `${label} is now deprecated` });
  return out;
}

type Verdict = "wider" | "narrower" | "different";

function breaksCallers(verdict: Verdict, direction: Direction | undefined): boolean {
  if (verdict === "wider") return direction !== "input";
  if (verdict === "narrower") return direction !== "output";
  return true;
}

/** Compares two type texts as sets of union members: `A | null` is wider than `A`. */
function typeChange(was: string, is: string): Verdict {
  const a = new Set(unionMembers(was));
  const b = new Set(unionMembers(is));
  if ([...a].every((m) => b.has(m))) return "wider";
  if ([...b].every((m) => a.has(m))) return "narrower";
  return "different";
}

/** Splits `A | (B | C)[] | Record<string, D | E>` at its top-level bars only. */
function unionMembers(text: string): string[] {
  const members: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "(" || c === "<" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === ">" || c === "]" || c === "}") depth--;
    else if (c === "|" && depth === 0) {
      members.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  members.push(text.slice(start).trim());
  return members;
}

/** An entry whose operation or type came or went with it is not listed twice. */
function ownerGone(entry: SurfaceEntry, surface: ReadonlyMap<string, SurfaceEntry>): boolean {
  return entry.owner !== undefined && !surface.has(entry.owner);
}

/** Operations of tags gen.yaml does not select: not in the SDK, but users should know they came or went. */
function unselectedChanges(
  before: ReadonlyMap<string, string>,
  after: ReadonlyMap<string, string>,
  hint: TagHint,
): Change[] {
  const byTag = (from: ReadonlyMap<string, string>, not: ReadonlyMap<string, string>) => {
    const groups = new Map<string, string[]>();
    for (const [id, tag] of from) if (!not.has(id)) groups.set(tag, [...(groups.get(tag) ?? []), id]);
    return [...groups];
  };
  const list = (ids: string[]) =>
    ids
      .sort()
      .map((id) => `\`${id}\``)
      .join(", ");
  const gained = byTag(after, before).map(([tag, ids]) => ({
    breaking: false,
    text: `${ids.length} operation(s) added under tag "${tag}", which gen.yaml does not select: ${list(ids)} (${hint(tag)})`,
  }));
  const lost = byTag(before, after).map(([tag, ids]) => ({
    breaking: false,
    text: `${ids.length} operation(s) removed under tag "${tag}", which gen.yaml does not select: ${list(ids)}`,
  }));
  return [...gained, ...lost];
}

/** How to select a tag: `add "Vector stores" to tags: (gen.yaml line 7)`. */
export type TagHint = (tag: string) => string;
