/** The diff as markdown: Breaking and Non-breaking sections, and the semver bump they imply. */
import type { Change } from "./compare";

export function changesMarkdown(changes: readonly Change[], from: string, to: string): string {
  const breaking = changes.filter((c) => c.breaking);
  const other = changes.filter((c) => !c.breaking);
  const list = (items: readonly Change[]) => (items.length > 0 ? items.map((c) => `- ${c.text}`).join("\n") : "None.");
  return (
    `# SDK changes from ${from} to ${to}\n\n` +
    `${breaking.length} breaking, ${other.length} non-breaking.\n\n` +
    `## Breaking\n\n${list(breaking)}\n\n## Non-breaking\n\n${list(other)}\n\n` +
    `Semver: ${semverBump(changes)}\n`
  );
}

/** major for any breaking change, minor for additions, patch when the surface is unchanged. */
export function semverBump(changes: readonly Change[]): "major" | "minor" | "patch" {
  if (changes.some((c) => c.breaking)) return "major";
  return changes.length > 0 ? "minor" : "patch";
}
