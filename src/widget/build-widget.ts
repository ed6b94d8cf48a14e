// Bundles the widget into one minified script with esbuild's JS API (esbuild comes with tsx). Used by the chat
// channel when it first serves /hooks/chat/widget.js (kept in memory), and by the bundle size test.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const WIDGET_ENTRY = fileURLToPath(new URL('./widget.ts', import.meta.url));

export async function buildWidgetBundle(): Promise<string> {
  const result = await build({
    entryPoints: [WIDGET_ENTRY],
    tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2020'],
    charset: 'utf8',
    legalComments: 'none',
    banner: { js: '/*! Relais chat widget, AGPL-3.0 */' },
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}
