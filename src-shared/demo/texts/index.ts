import type { DemoTexts } from '../demoTexts';
import { en } from './en';
import { zh } from './zh';

const BY_LANGUAGE: Readonly<Record<string, DemoTexts>> = { zh, en };

/** The texts a customer with this locale writes: regional variants first (es-MX), then the language. */
export function textsFor(locale: string): DemoTexts {
  const language = locale.split('-')[0] ?? locale;
  return BY_LANGUAGE[locale] ?? BY_LANGUAGE[language] ?? en;
}

export const DEMO_TEXT_LANGUAGES = Object.keys(BY_LANGUAGE);
