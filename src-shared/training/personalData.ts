/**
 * Patterns of real-looking personal data a scenario must not contain (TRAINING.md: validation before
 * publishing). Scenario customers are synthetic; an address or number that could be someone's is refused.
 */
const PATTERNS: ReadonlyArray<{ kind: string; pattern: RegExp }> = [
  { kind: 'email address', pattern: /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/u },
  { kind: 'phone number', pattern: /(?<![\w:+-])(?:\+|00)\d(?:[\s.-]?\d){7,14}(?!\d)/u },
  { kind: 'phone number', pattern: /(?<![\w:.+-])0\d{1,4}[\s/-]\d{3,4}[\s-]?\d{3,5}(?![\d:-])/u },
  { kind: 'IBAN', pattern: /\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){3,7}(?:\s?[A-Z0-9]{1,3})?\b/u },
];

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** What in `text` looks like someone's email, phone number, IBAN or payment card number. */
export function findPersonalData(text: string): Array<{ kind: string; match: string }> {
  const found = PATTERNS.flatMap(({ kind, pattern }) => {
    const match = pattern.exec(text);
    return match ? [{ kind, match: match[0] }] : [];
  });
  for (const match of text.matchAll(/(?<!\d)\d(?:[ -]?\d){12,18}(?!\d)/gu)) {
    const digits = match[0].replace(/\D/gu, '');
    if (luhn(digits)) found.push({ kind: 'payment card number', match: match[0] });
  }
  return found;
}
