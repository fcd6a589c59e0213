/**
 * Links in answers may only be http(s) or mailto. Model output is untrusted: a
 * prompt-injected `javascript:` or `data:` link must not become clickable.
 */
export function safeUrl(url: string): string {
  const trimmed = url.trim();
  if (/^(https?:|mailto:)/i.test(trimmed)) return trimmed;
  // Relative links and fragments have no meaning inside an extension page.
  return '';
}
