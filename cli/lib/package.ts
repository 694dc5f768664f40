import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** What the CLI reads of its own package.json. */
export interface OwnPackage {
  /** The package's folder: templates/, presets/, docs/ and .github/ are below it. */
  root: string;
  version: string;
  devDependencies?: Record<string, string>;
  /**
   * What a register's site needs beside this package (Astro and its packages): `klachten init` writes
   * them as the register's devDependencies. Not peer dependencies: npm would install those with
   * `--omit=dev` too, and the pull-request check installs this package alone.
   */
  siteDependencies?: Record<string, string>;
}

let found: OwnPackage | undefined;

/**
 * The package this command comes from: the nearest package.json named klachtenregister above this
 * module (cli/lib/ in the sources, build/chunks/ in the compiled command, under node_modules when
 * installed). Read once.
 * @throws {Error} when there is none: the CLI was copied out of its package.
 */
export function ownPackage(): OwnPackage {
  if (found) return found;
  for (let dir = new URL('./', import.meta.url); ; dir = new URL('../', dir)) {
    try {
      const pkg = JSON.parse(readFileSync(new URL('package.json', dir), 'utf8')) as Omit<OwnPackage, 'root'> & { name?: string };
      if (pkg.name === 'klachtenregister') return (found = { ...pkg, root: fileURLToPath(dir) });
    } catch {
      // no package.json here: look higher up
    }
    if (dir.pathname === '/') throw new Error('klachten: de package.json van klachtenregister is niet gevonden');
  }
}
