/**
 * Removes secrets from text that may reach a user: vendor error messages can
 * echo the key they rejected, and proxies can echo whole requests.
 *
 * Every occurrence of each secret (of at least 4 characters) becomes `[redacted]`;
 * the result is one line, at most `maxLength` characters.
 *
 * @param text - the text to clean
 * @param secrets - the values that must never appear (keys, tokens, signatures)
 * @param maxLength - longest result, in characters
 */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[], maxLength = 400): string {
  let result = text;
  for (const secret of secrets) {
    if (secret === undefined || secret.length < 4) continue;
    result = result.split(secret).join('[redacted]');
  }
  result = result.replace(/\s+/g, ' ').trim();
  return result.length > maxLength ? `${result.slice(0, maxLength - 1)}…` : result;
}
