// Just enough of Markdown to check the docs against the project: code, links, headings
// and their anchors (as GitHub makes them), and tables.

const FENCE = /^\s*(```|~~~)/;

/** The text with fenced code blocks and inline code blanked out, line numbers kept. */
export function prose(text: string): string {
  let inFence = false;
  return text
    .split('\n')
    .map((line) => {
      if (FENCE.test(line)) {
        inFence = !inFence;
        return '';
      }
      return inFence ? '' : line.replace(/`[^`\n]*`/g, '``');
    })
    .join('\n');
}

/** The contents of fenced code blocks and inline code spans. */
export function codeTexts(text: string): string[] {
  const found: string[] = [];
  let inFence = false;
  let block: string[] = [];
  for (const line of text.split('\n')) {
    if (FENCE.test(line)) {
      if (inFence) found.push(block.join('\n'));
      inFence = !inFence;
      block = [];
    } else if (inFence) block.push(line);
    else for (const match of line.matchAll(/`([^`\n]+)`/g)) found.push(match[1]!);
  }
  return found;
}

/** The targets of Markdown links and images, outside code. */
export function linkTargets(text: string): string[] {
  return [...prose(text).matchAll(/!?\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((match) => match[1]!);
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
export function slug(heading: string): string {
  return heading
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The anchors of the headings, outside code; repeated headings get -1, -2 as on GitHub. */
export function anchors(text: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  let inFence = false;
  for (const line of text.split('\n')) {
    if (FENCE.test(line)) inFence = !inFence;
    const heading = inFence ? null : /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const base = slug(heading[1]!);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    result.add(count === 0 ? base : `${base}-${count}`);
  }
  return result;
}

/** The lines of the section under the heading `title` (to the next heading of its level or above). */
export function section(text: string, title: string): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => /^#{1,6}\s/.test(line) && line.replace(/^#+\s+/, '').trim() === title);
  if (start < 0) return [];
  const level = /^#+/.exec(lines[start]!)![0].length;
  const end = lines.findIndex((line, index) => index > start && new RegExp(`^#{1,${level}}\\s`).test(line));
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

/** The cells of a table's body rows (after the header and its delimiter row). */
export function tableRows(lines: readonly string[]): string[][] {
  const rows = lines.filter((line) => line.trimStart().startsWith('|'));
  return rows.slice(2).map((row) =>
    row
      .trim()
      .replace(/^\||\|$/g, '')
      .split(/(?<!\\)\|/)
      .map((cell) => cell.trim()),
  );
}
