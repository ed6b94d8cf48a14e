#!/usr/bin/env node
// Entry point of the `relais` command: runs the TypeScript sources through tsx, so there is no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/server/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
