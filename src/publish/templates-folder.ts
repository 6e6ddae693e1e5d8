import { fileURLToPath } from 'node:url';

/**
 * Path of a file in the package's `templates/` folder. Compiled code lives in
 * `dist/<stage>/`, sources in `src/<stage>/`: both two levels below the root.
 */
export function templatePath(name: string): string {
  return fileURLToPath(new URL(`../../templates/${name}`, import.meta.url));
}
