import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findUnfilledPlaceholders, messageArguments, messagePlaceholders } from './placeholders';

const name = fc.stringMatching(/^[a-z][A-Za-z0-9]{0,11}$/);
/** Free text in several scripts without the characters that open a placeholder or an ICU escape. */
const prose = fc
  .array(
    fc.constantFrom(
      'Danke ',
      '谢谢',
      'ご確認ください。',
      '감사합니다 ',
      'شكرًا ',
      'Спасибо ',
      '12,50 € ',
      'x',
      ' ',
      '\n',
      '#',
      '-',
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(''));

describe('placeholder parser', () => {
  it('finds exactly the holes left in any text, in order, with their names', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(prose, name, fc.constantFrom('single', 'double')), { maxLength: 6 }),
        prose,
        (pieces, tail) => {
          const text =
            pieces
              .map(([before, hole, style]) => `${before}${style === 'single' ? `{${hole}}` : `{{ ${hole} }}`}`)
              .join('') + tail;
          const found = findUnfilledPlaceholders(text);
          expect(found.map((hole) => hole.name)).toEqual(pieces.map(([, hole]) => hole));
          for (const hole of found) expect(text.slice(hole.index, hole.index + hole.token.length)).toBe(hole.token);
        },
      ),
    );
  });

  it('finds nothing in text that has no hole', () => {
    fc.assert(
      fc.property(prose, (text) => {
        expect(findUnfilledPlaceholders(text)).toEqual([]);
      }),
    );
  });

  it('reads the arguments of any ICU message built from plain, plural and select arguments', () => {
    const argument = fc.tuple(name, fc.constantFrom('plain', 'plural', 'select'));
    fc.assert(
      fc.property(fc.uniqueArray(argument, { selector: ([n]) => n, maxLength: 5 }), prose, (args, filler) => {
        const safe = filler.replace(/#/g, '');
        const message = args
          .map(([n, kind]) => {
            if (kind === 'plural') return `${safe}{${n}, plural, one {# item} other {# items}}`;
            if (kind === 'select') return `${safe}{${n}, select, female {Frau} other {Hallo}}`;
            return `${safe}{${n}}`;
          })
          .join(' ');
        expect(messagePlaceholders(message)).toEqual(args.map(([n]) => n));
        const kinds = messageArguments(message);
        for (const [n, kind] of args) expect(kinds.get(n)).toBe(kind === 'plain' ? 'text' : kind);
      }),
    );
  });

  it('reads arguments nested inside select and plural branches', () => {
    expect(
      messagePlaceholders('{gender, select, female {Sehr geehrte Frau {family},} other {Guten Tag {fullName},}}'),
    ).toEqual(['gender', 'family', 'fullName']);
  });

  it('reports bracketed reminders and XXX as holes too', () => {
    expect(findUnfilledPlaceholders('Your order [ORDER NUMBER] ships on XXX.').map((hole) => hole.name)).toEqual([
      'ORDER NUMBER',
      'XXX',
    ]);
  });
});
