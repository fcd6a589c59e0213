/**
 * Origins the extension may contact without asking: each provider's API and loopback
 * (Ollama and a local Grompt server). Anything else (a remote Grompt server, a proxy
 * base URL) is an optional host permission granted by the user at run time.
 */
export const PROVIDER_HOST_PERMISSIONS = [
  'https://api.openai.com/*',
  'https://api.anthropic.com/*',
  'https://generativelanguage.googleapis.com/*',
  'https://api.deepseek.com/*',
  'http://localhost/*',
  'http://127.0.0.1/*',
];
