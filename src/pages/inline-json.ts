/**
 * JSON for a `<script type="application/json">` element: `<`, `>`, `&` and
 * the JavaScript line separators escaped, so no text can close the element.
 */
export function inlineJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
