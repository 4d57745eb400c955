import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../tests/e2e/support/browser';
import { stripBidiControls } from './bidi';
import { buildReplyContext } from './buildReplyContext';
import { builtinReplyLibrary, builtinSalutations } from './builtinLibrary';
import { demoReplyCase } from './demoReplyCases';
import { getReply } from './replyLibrary';
import { renderReply } from './renderReply';

// Renders an Arabic reply in real Chromium (Noto Arabic installed) and reads the on-screen order of
// the characters of an embedded Latin item title back from their boxes.
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** The characters of `needle` as they appear on screen from left to right, within an RTL paragraph. */
async function visualOrder(text: string, needle: string): Promise<string> {
  const page = await browser.newPage();
  try {
    await page.setContent(
      '<!doctype html><meta charset="utf-8"><p id="reply" dir="rtl" style="font: 16px \'Noto Sans Arabic\', sans-serif; width: 4000px; white-space: pre-line"></p>',
    );
    return await page.evaluate(
      ([body, wanted]) => {
        const paragraph = document.getElementById('reply');
        if (!paragraph) throw new Error('no paragraph');
        paragraph.textContent = body;
        const node = paragraph.firstChild;
        if (!node) throw new Error('no text');
        const plain = (node.textContent ?? '').replace(/[\u2066-\u2069]/gu, '');
        const start = plain.indexOf(wanted);
        if (start < 0) throw new Error(`"${wanted}" not in text`);
        // Map positions in the text without isolates back to positions in the node.
        const positions: number[] = [];
        for (let i = 0, seen = 0; i < (node.textContent ?? '').length; i++) {
          if (/[\u2066-\u2069]/u.test(node.textContent?.[i] ?? '')) continue;
          if (seen >= start && seen < start + wanted.length) positions.push(i);
          seen++;
        }
        const boxes = positions.map((index) => {
          const range = document.createRange();
          range.setStart(node, index);
          range.setEnd(node, index + 1);
          const box = range.getBoundingClientRect();
          return { char: node.textContent?.[index] ?? '', left: box.left, top: box.top };
        });
        if (new Set(boxes.map((box) => Math.round(box.top))).size !== 1) throw new Error('needle wrapped over lines');
        return boxes
          .sort((a, b) => a.left - b.left)
          .map((box) => box.char)
          .join('');
      },
      [text, needle] as const,
    );
  } finally {
    await page.close();
  }
}

describe('Arabic replies in Chromium', () => {
  // A title that starts with a number: without isolation the 7 is pulled to the Arabic side of the line.
  const title = '7-in-1 USB-C Hub';
  const demo = demoReplyCase('SA', 'repair_warranty');
  const order = demo.caseRecord.order;
  if (!order) throw new Error('demo case has an order');
  const withTitle = { ...demo.caseRecord, order: { ...order, items: order.items.map((item) => ({ ...item, title })) } };
  const context = buildReplyContext(withTitle, { agentName: 'Li Wei', brand: 'Crossdesk Shop' });
  const rendered = renderReply(getReply(builtinReplyLibrary(), 'repair_warranty.acknowledge'), context, 'ar', {
    salutations: builtinSalutations(),
  });

  it('shows an isolated Latin item title and order id in their own reading order', async () => {
    expect(await visualOrder(rendered.text, title)).toBe(title);
    expect(await visualOrder(rendered.text, 'NN-20261102-448')).toBe('NN-20261102-448');
  });

  it('would show the same title scrambled without the isolates', async () => {
    expect(await visualOrder(stripBidiControls(rendered.text), title)).not.toBe(title);
  });
});
