import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { buildWidgetBundle } from './build-widget.ts';

const MAX_GZIP_BYTES = 40 * 1024;
const dir = fileURLToPath(new URL('.', import.meta.url));

describe('chat widget bundle', () => {
  it(`bundles with esbuild to at most ${MAX_GZIP_BYTES / 1024} KB gzipped`, async () => {
    const code = await buildWidgetBundle();
    const gzipped = gzipSync(Buffer.from(code), { level: 9 }).length;
    console.log(`widget.js: ${(code.length / 1024).toFixed(1)} KB minified, ${(gzipped / 1024).toFixed(1)} KB gzipped`);
    assert.ok(gzipped <= MAX_GZIP_BYTES, `${gzipped} bytes gzipped`);
    assert.match(code, /^\/\*! Relais chat widget/);
  });

  it('never turns text into HTML (no innerHTML, insertAdjacentHTML, document.write, eval)', () => {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
      const source = readFileSync(`${dir}/${file}`, 'utf8');
      assert.doesNotMatch(source, /\.innerHTML|\.outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function\(/, file);
    }
  });
});
