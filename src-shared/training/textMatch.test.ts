import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldText, isMostlyScript, phraseIndex, sentences } from './textMatch';

const contains = (text: string, phrase: string): boolean => phraseIndex(foldText(text), foldText(phrase)) >= 0;

describe('foldText', () => {
  it('folds case, width, Arabic letter variants and diacritics, digits and spacing', () => {
    expect(foldText('ＳＥＨＲ  Geehrte\u00a0FRAU')).toBe('sehr geehrte frau');
    expect(foldText('Straße')).toBe('strasse');
    expect(foldText('إلى أحمد')).toBe(foldText('الي احمد'));
    expect(foldText('مَدْرَسَةٌ')).toBe('مدرسه');
    expect(foldText('٧ أيام')).toBe('7 ايام');
    expect(foldText('ｶﾀｶﾅ')).toBe('カタカナ');
  });

  it('is idempotent (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => {
        const once = foldText(text);
        expect(foldText(once)).toBe(once);
      }),
    );
  });

  it('ignores case and full-width forms of Latin text (property)', () => {
    const latin = fc.stringMatching(/^[A-Za-z]{1,12}( [A-Za-z]{1,12}){0,3}$/);
    fc.assert(
      fc.property(latin, (text) => {
        const fullWidth = [...text]
          .map((char) => (char === ' ' ? ' ' : String.fromCodePoint(char.codePointAt(0)! + 0xfee0)))
          .join('');
        expect(foldText(text.toUpperCase())).toBe(foldText(text.toLowerCase()));
        expect(foldText(fullWidth)).toBe(foldText(text));
      }),
    );
  });

  it('ignores Arabic diacritics and tatweel wherever they are inserted (property)', () => {
    const letters = fc.array(fc.constantFrom(...'ابتثجحخدذرزسشصضطظعغفقكلمنهوي'), { minLength: 1, maxLength: 12 });
    const marks = fc.array(fc.constantFrom('', '\u064E', '\u064F', '\u0650', '\u0651', '\u0652', '\u064B', '\u0640'), {
      minLength: 12,
      maxLength: 12,
    });
    fc.assert(
      fc.property(letters, marks, (word, inserted) => {
        const plain = word.join('');
        const decorated = word.map((letter, index) => letter + (inserted[index] ?? '')).join('');
        expect(foldText(decorated)).toBe(foldText(plain));
        expect(contains(`قال ${decorated} اليوم`, plain)).toBe(true);
      }),
    );
  });
});

describe('phraseIndex', () => {
  it('matches whole words in spaced scripts', () => {
    expect(contains('Können Sie duschen?', 'du')).toBe(false);
    expect(contains('Kannst du das?', 'Du')).toBe(true);
    expect(contains('Ich bedauere das', 'bedauern')).toBe(false);
  });

  it('matches Japanese, Chinese and Korean by substring', () => {
    expect(contains('交換できます！サイズ違いですみません。', '交換できます')).toBe(true);
    expect(contains('在的～灰色XL有货！', '有货')).toBe(true);
    expect(contains('안녕하세요, 지은 님!', '지은 님')).toBe(true);
  });

  it('finds a Japanese phrase inside any surrounding text (property)', () => {
    const kana = fc.string({ unit: fc.constantFrom(...'あいうえおかきくけこさしすせそ漢字交換返品'), maxLength: 10 });
    fc.assert(
      fc.property(
        kana,
        kana,
        fc.string({ unit: fc.constantFrom(...'アイウエオ'), minLength: 1, maxLength: 5 }),
        (before, after, phrase) => {
          expect(contains(before + phrase + after, phrase)).toBe(true);
        },
      ),
    );
  });
});

describe('sentences', () => {
  it('splits on end marks and line breaks, not after abbreviations or ordinal dates', () => {
    expect(sentences(foldText('Dear Dr. Whitfield,\nThank you. Yes!'))).toEqual([
      'dear dr. whitfield,',
      'thank you.',
      'yes!',
    ]);
    expect(sentences(foldText('Bis zum 3. Dezember 2026. Danke'))).toEqual(['bis zum 3. dezember 2026.', 'danke']);
    expect(sentences('交換できます！すみません。いつまでに必要ですか？')).toEqual([
      '交換できます！',
      'すみません。',
      'いつまでに必要ですか？',
    ]);
  });
});

describe('isMostlyScript', () => {
  it('decides by the majority of letters, and Japanese needs kana', () => {
    expect(isMostlyScript('وعليكم السلام، طلبك TRN-SA-8812 جاهز', 'Arab')).toBe(true);
    expect(isMostlyScript('Dear customer, شكرا', 'Arab')).toBe(false);
    expect(isMostlyScript('交換できます', 'Jpan')).toBe(true);
    expect(isMostlyScript('可以换货', 'Jpan')).toBe(false);
    expect(isMostlyScript('12345', 'Latn')).toBe(false);
  });
});
