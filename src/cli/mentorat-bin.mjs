#!/usr/bin/env node
// `npx mentorat …`: the compiled CLI (`npm ci` and `npm run build` write dist/).
await import('../../dist/cli/mentorat.js');
