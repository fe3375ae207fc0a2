/*
 * Does Chinese text really render? Two independent probes, both of which fail without a CJK font
 * (fonts-noto-cjk): Chromium's own report of the platform font that drew a node, and a pixel
 * comparison showing that two different Han characters do not come out as the same missing-glyph box.
 */
import type { Locator, Page } from '@playwright/test';

/** Families Chromium used to draw the text of `locator`, with how many glyphs each drew. */
export async function platformFontsOf(
  page: Page,
  locator: Locator,
): Promise<{ familyName: string; glyphCount: number }[]> {
  const marker = `font-probe-${Date.now()}`;
  await locator.evaluate((el, m) => {
    el.setAttribute('data-font-probe', m);
  }, marker);
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodeId } = await cdp.send('DOM.querySelector', {
      nodeId: root.nodeId,
      selector: `[data-font-probe="${marker}"]`,
    });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    return fonts.map((f) => ({ familyName: f.familyName, glyphCount: f.glyphCount }));
  } finally {
    await cdp.detach();
  }
}

/**
 * Draws each character with the page's body font on a canvas and returns a fingerprint of the pixels.
 * Missing glyphs all draw the same .notdef box, so distinct characters give equal fingerprints.
 */
export async function glyphFingerprints(page: Page, chars: readonly string[]): Promise<string[]> {
  return page.evaluate((list) => {
    const font = `48px ${getComputedStyle(document.body).fontFamily}`;
    return list.map((ch) => {
      const canvas = document.createElement('canvas');
      canvas.width = 64;
      canvas.height = 64;
      const ctx = canvas.getContext('2d');
      if (!ctx) return 'no-canvas';
      ctx.font = font;
      ctx.fillStyle = '#000';
      ctx.fillText(ch, 4, 52);
      const data = ctx.getImageData(0, 0, 64, 64).data;
      let bits = '';
      for (let i = 3; i < data.length; i += 4) bits += (data[i] ?? 0) > 127 ? '1' : '0';
      return bits;
    });
  }, chars);
}
