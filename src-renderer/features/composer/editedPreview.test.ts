import { describe, expect, it } from 'vitest';
import { editedPreview } from './editedPreview';

const rendered = {
  customer: '山田様\n\nご返品を承りました。\n\nよろしくお願いいたします。',
  agent: 'Dear Mr Yamada,\n\nYour return is approved.\n\nKind regards',
};

describe('editedPreview', () => {
  it('translates the canned reply while it is unchanged', () => {
    const preview = editedPreview(rendered, rendered.customer);
    expect(preview.isEdited).toBe(false);
    expect(preview.parts.map((part) => part.text).join('\n\n')).toBe(rendered.agent);
  });

  it('shows an added sentence as written and marked, never the template it replaced', () => {
    const edited = '山田様\n\nご返品を承りました。3日以内に返金いたします。\n\nよろしくお願いいたします。';
    const preview = editedPreview(rendered, edited);
    expect(preview.isEdited).toBe(true);
    expect(preview.parts).toEqual([
      { kind: 'translated', text: 'Dear Mr Yamada,' },
      { kind: 'edited', text: 'ご返品を承りました。3日以内に返金いたします。' },
      { kind: 'translated', text: 'Kind regards' },
    ]);
  });

  it('marks a deleted paragraph as an edit and a new paragraph in place', () => {
    const preview = editedPreview(rendered, '山田様\n\n新しい段落\n\nよろしくお願いいたします。');
    expect(preview.parts.map((part) => part.kind)).toEqual(['translated', 'edited', 'translated']);
    const shorter = editedPreview(rendered, '山田様\n\nよろしくお願いいたします。');
    expect(shorter.isEdited).toBe(true);
    expect(shorter.parts.map((part) => part.text)).toEqual(['Dear Mr Yamada,', 'Kind regards']);
  });

  it('vouches for nothing when the two renderings do not pair up, or nothing of the reply is left', () => {
    const uneven = editedPreview({ customer: rendered.customer, agent: 'One paragraph only' }, rendered.customer);
    expect(uneven.parts.every((part) => part.kind === 'edited')).toBe(true);
    const own = editedPreview(rendered, 'Something else entirely');
    expect(own.isUnrelated).toBe(true);
    expect(own.parts).toEqual([{ kind: 'edited', text: 'Something else entirely' }]);
  });
});

describe('editedPreview with a body of another length', () => {
  // Japanese adds a closing line to the body; the English body has one paragraph less.
  const japanese = {
    customer:
      '山本様\n\nお詫び申し上げます。\n\n随時ご報告いたします。\n\n今後ともよろしくお願いいたします。\n\nB サポート',
    agent: 'Dear Ms Yamamoto,\n\nPlease accept our apologies.\n\nWe will keep you updated.\n\nKind regards, B',
  };

  it('pairs salutation and sign-off one to one and the body as one block', () => {
    const intact = editedPreview(japanese, japanese.customer);
    expect(intact.isEdited).toBe(false);
    expect(intact.parts.map((part) => part.text)).toEqual([
      'Dear Ms Yamamoto,',
      'Please accept our apologies.\n\nWe will keep you updated.',
      'Kind regards, B',
    ]);
  });

  it('shows a changed body as written, not the translation of the body it replaced', () => {
    const edited = japanese.customer.replace(
      '随時ご報告いたします。',
      '随時ご報告いたします。3日以内に返金いたします。',
    );
    const preview = editedPreview(japanese, edited);
    expect(preview.parts.map((part) => part.kind)).toEqual(['translated', 'edited', 'edited', 'edited', 'translated']);
    expect(preview.parts.some((part) => part.text.includes('We will keep you updated'))).toBe(false);
  });
});
