// Fills in the sources that tsx leaves out of its source maps. tsx writes `sourcesContent`
// as [null] unless NODE_V8_COVERAGE is set (tap collects coverage through the inspector),
// and v8-to-istanbul, under c8, takes that null for the file's text: an empty file, every
// line "covered". With each source's own text there, c8 maps the counts onto the real lines.
//   node scripts/coverage-sources.mjs [.tap/coverage]
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The coverage file's source maps with every missing source read from disk; whether any was missing. */
export function fillSources(coverage) {
  let filled = false;
  for (const entry of Object.values(coverage['source-map-cache'] ?? {})) {
    const map = entry?.data;
    if (!map?.sources || !Array.isArray(map.sourcesContent)) continue;
    map.sourcesContent = map.sources.map((source, i) => {
      if (map.sourcesContent[i] != null || !source.startsWith('file://')) return map.sourcesContent[i];
      filled = true;
      try {
        return readFileSync(fileURLToPath(source), 'utf8');
      } catch {
        return null;
      }
    });
  }
  return filled;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? '.tap/coverage';
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.json')) continue;
    const file = join(dir, name);
    const coverage = JSON.parse(readFileSync(file, 'utf8'));
    if (fillSources(coverage)) writeFileSync(file, JSON.stringify(coverage));
  }
}
