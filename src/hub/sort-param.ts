import { z } from 'zod';
import type { ListSort } from '../store/list-order.js';

/**
 * A list's `sort` query parameter: one of its column keys, `-` in front for
 * descending ("-raised": newest first). Anything else is refused with 400
 * naming `sort` and the keys there are.
 */
export function sortParam<K extends string>(keys: readonly [K, ...K[]]) {
  return z
    .string()
    .regex(/^-?[a-z-]+$/, { error: `sort by one of ${keys.join(', ')} (a leading - for descending)` })
    .transform((v, ctx): ListSort<K> => {
      const key = v.replace(/^-/, '') as K;
      if (!keys.includes(key)) ctx.addIssue({ code: 'custom', message: `sort by one of ${keys.join(', ')} (a leading - for descending)` });
      return { key, desc: v.startsWith('-') };
    });
}

/** The `sort` value that asks for this order, for links. */
export const sortValue = <K extends string>(s: ListSort<K>) => `${s.desc ? '-' : ''}${s.key}`;
