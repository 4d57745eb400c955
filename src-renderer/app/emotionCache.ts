import createCache, { type EmotionCache } from '@emotion/cache';
import rtlPlugin from 'stylis-plugin-rtl';

/**
 * Emotion caches per direction: the RTL one mirrors physical CSS (margin-left -> margin-right) as MUI
 * styles are serialised, so components written for LTR lay out correctly in Arabic.
 */
const caches: Partial<Record<'ltr' | 'rtl', EmotionCache>> = {};

export function emotionCacheFor(direction: 'ltr' | 'rtl'): EmotionCache {
  caches[direction] ??=
    direction === 'rtl' ? createCache({ key: 'mui-rtl', stylisPlugins: [rtlPlugin] }) : createCache({ key: 'mui' });
  return caches[direction];
}
