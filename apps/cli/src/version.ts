import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Version of an installed package, read from its package.json (undefined when not installed). */
export function packageVersion(name: string): string | undefined {
  try {
    return (require(`${name}/package.json`) as { version: string }).version;
  } catch {
    return undefined;
  }
}

/** This CLI's version (src/ and dist/ both sit one level below package.json). */
export function cliVersion(): string {
  return (require('../package.json') as { version: string }).version;
}
