/**
 * A `oneOf`/`anyOf` whose branches only list `required` names (`oneOf: [{ required: [a] },
 * { required: [b] }]`) says which of the schema's own properties must be present: a constraint
 * on one object, not a choice between types. Such a schema is modelled as that object, and the
 * rule is kept as a line of its docs.
 */
import type { SchemaObject } from "../load/openapi";

/** Keywords a constraint branch may carry besides `required`: none of them adds a type. */
const ANNOTATIONS = new Set(["required", "title", "description", "$comment"]);

/** The schema's `oneOf`/`anyOf` members when they form a real union; undefined when absent or only constraints. */
export function unionMembersOf(s: SchemaObject): unknown[] | undefined {
  const union = s.oneOf ?? s.anyOf;
  if (!Array.isArray(union)) return undefined;
  return requiredSets(union) ? undefined : union;
}

/** The docs line for a constraint-only union (`Requires exactly one of: \`a\`, \`b\`.`), or undefined. */
export function requiredRuleOf(s: SchemaObject): string | undefined {
  const keyword = Array.isArray(s.oneOf) ? "oneOf" : Array.isArray(s.anyOf) ? "anyOf" : undefined;
  const sets = keyword && requiredSets(s[keyword] as unknown[]);
  if (!sets) return undefined;
  const alternatives = sets.map((names) => names.map((n) => `\`${n}\``).join(" and "));
  return `Requires ${keyword === "oneOf" ? "exactly" : "at least"} one of: ${alternatives.join(", ")}.`;
}

/** Each branch's `required` names, when every branch is a plain object with nothing but annotations. */
function requiredSets(branches: readonly unknown[]): string[][] | undefined {
  if (branches.length === 0) return undefined;
  const sets: string[][] = [];
  for (const branch of branches) {
    if (typeof branch !== "object" || branch === null || Array.isArray(branch)) return undefined;
    if (!Object.keys(branch).every((k) => ANNOTATIONS.has(k))) return undefined;
    const required = (branch as SchemaObject).required;
    if (!Array.isArray(required) || !required.every((n) => typeof n === "string")) return undefined;
    sets.push(required);
  }
  return sets;
}
