import { AgentError } from './agent-error.js';

/** Validates a hub base URL and joins an API path to it ("https://hub/" + "/api/v1/x"). */
export function hubUrl(base: string, path: string): string {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new AgentError('bad-arguments', `hub URL "${base}" is not a valid URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new AgentError('bad-arguments', `hub URL "${base}" must start with http:// or https://`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}${path}`;
}
