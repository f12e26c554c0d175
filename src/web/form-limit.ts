import { bodyLimit } from 'hono/body-limit';
import { HubError } from '../hub/errors.js';

/** A page form's largest body, refused past it with 413 `too-large` before anything reads it. */
export const formLimit = (maxSize: number) => bodyLimit({ maxSize, onError: () => { throw new HubError(413, 'too-large', 'form is too large'); } });

/** The size most forms need: a few fields and a note. */
export const FORM_LIMIT = formLimit(16 * 1024);
