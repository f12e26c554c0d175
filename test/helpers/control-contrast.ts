/**
 * WCAG 1.4.11 for form controls, which axe does not check: each visible text
 * field, list box and button must stand out from what is behind it by at least
 * 3:1, by its border or, for a filled button, by its fill.
 */
import type { Page } from 'playwright-core';

export interface FaintControl {
  control: string;
  ratio: number;
}

/** Every control on `page` whose edge is fainter than 3:1 against its background. */
export function faintControls(page: Page): Promise<FaintControl[]> {
  return page.evaluate(() => {
    type Rgba = [number, number, number, number];
    const parse = (css: string): Rgba => {
      const [r = 0, g = 0, b = 0, a = 1] = (css.match(/[\d.]+/g) ?? []).map(Number);
      return [r, g, b, css.startsWith('rgba') ? a : 1];
    };
    const luminance = ([r, g, b]: Rgba) => {
      const lin = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const ratio = (x: Rgba, y: Rgba) => {
      const [hi, lo] = [luminance(x), luminance(y)].sort((p, q) => q - p) as [number, number];
      return (hi + 0.05) / (lo + 0.05);
    };
    /** The first opaque background from the control's parent up: what the control sits on. */
    const behind = (el: Element): Rgba => {
      for (let e = el.parentElement; e; e = e.parentElement) {
        const bg = parse(getComputedStyle(e).backgroundColor);
        if (bg[3] > 0.5) return bg;
      }
      return [255, 255, 255, 1];
    };
    const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.getAttribute('name') ? `[name=${el.getAttribute('name')}]` : ''} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
    const controls = [...document.querySelectorAll('input:not([type=hidden]):not([type=checkbox]):not([type=radio]), select, textarea, button')];
    return controls.flatMap((el) => {
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || (el as HTMLElement).offsetParent === null) return [];
      const ground = behind(el);
      const border = parse(style.borderTopColor);
      const edges = [parseFloat(style.borderTopWidth) > 0 && border[3] > 0.5 ? ratio(border, ground) : 1];
      const fill = parse(style.backgroundColor);
      if (fill[3] > 0.5) edges.push(ratio(fill, ground));
      const best = Math.max(...edges);
      return best >= 3 ? [] : [{ control: describe(el), ratio: Math.round(best * 100) / 100 }];
    });
  });
}
