// `node --import ./test/support/record-imports.mjs …`: appends every module the process loads
// (its resolved URL, one a line) to the file named by RECORD_IMPORTS, to check what a start reads.
import { register } from 'node:module';

register(
  `data:text/javascript,${encodeURIComponent(`
    import { appendFileSync } from 'node:fs';
    let file;
    export function initialize(data) { file = data.file; }
    export async function resolve(specifier, context, next) {
      const resolved = await next(specifier, context);
      appendFileSync(file, resolved.url + '\\n');
      return resolved;
    }
  `)}`,
  { data: { file: process.env.RECORD_IMPORTS } },
);
