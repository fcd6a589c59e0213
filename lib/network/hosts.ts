/**
 * Origins the extension may contact without asking: each provider's API and loopback
 * (Ollama and a local Grompt server, by name, IPv4 or IPv6). Anything else (a remote Grompt
 * server, a proxy base URL) is an optional host permission granted by the user at run time,
 * and checked again right before every request (lib/worker/network/origin-access.ts).
 */
export const PROVIDER_HOST_PERMISSIONS = [
  'https://api.openai.com/*',
  'https://api.anthropic.com/*',
  'https://generativelanguage.googleapis.com/*',
  'https://api.deepseek.com/*',
  'http://localhost/*',
  'http://127.0.0.1/*',
  'http://[::1]/*',
];

/** Origins (scheme and host, any port) granted by the manifest itself. */
const BUILT_IN = new Set(PROVIDER_HOST_PERMISSIONS.map((pattern) => pattern.replace(/\/\*$/, '')));

/** Whether the manifest grants this URL's origin (match patterns ignore the port). */
export function isBuiltInOrigin(url: URL): boolean {
  return BUILT_IN.has(url.origin) || BUILT_IN.has(`${url.protocol}//${url.hostname}`);
}
