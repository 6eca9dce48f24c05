/** Sideways overflow on a 360 px phone: the test that fails when a screen scrolls sideways. */
import type { Page } from 'playwright-core';

/** The sideways overflow of the page now, with the elements sticking out past the right edge. */
export async function overflow(page: Page): Promise<{ scrollWidth: number; innerWidth: number; culprits: string[] }> {
  await page.waitForTimeout(300); // let late layout (fonts, QR images) settle
  return page.evaluate(() => {
    const innerWidth = window.innerWidth;
    const culprits = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > 361 && el.getClientRects().length > 0)
      .slice(0, 5)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}[${Math.round(el.getBoundingClientRect().right)}]`,
      );
    // A <main> that scrolls sideways inside itself hides the same problem from the page's own width.
    const mainScroll = Math.max(0, ...[...document.querySelectorAll('main')].map((m) => m.scrollWidth - m.clientWidth));
    return {
      scrollWidth: document.documentElement.scrollWidth + (mainScroll > 1 ? mainScroll : 0),
      innerWidth,
      culprits,
    };
  });
}

/**
 * What is wrong with the page's width on a 360 px phone, or null when it fits: the screen scrolls sideways,
 * or the mobile viewport widened itself to fit wide content.
 */
export async function phoneOverflow(page: Page, screen: string, width = 360): Promise<string | null> {
  const o = await overflow(page);
  return o.scrollWidth > o.innerWidth || o.innerWidth > width
    ? `${screen}: ${o.scrollWidth} > ${o.innerWidth} (${o.culprits.join(', ')})`
    : null;
}
