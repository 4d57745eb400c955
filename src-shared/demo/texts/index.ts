import type { DemoTexts } from '../demoTexts';
import { ar } from './ar';
import { de } from './de';
import { en } from './en';
import { es } from './es';
import { esMX } from './esMX';
import { fr } from './fr';
import { hi } from './hi';
import { id } from './id';
import { it } from './it';
import { ja } from './ja';
import { ko } from './ko';
import { nl } from './nl';
import { pl } from './pl';
import { ptBR } from './ptBR';
import { ru } from './ru';
import { th } from './th';
import { vi } from './vi';
import { zh } from './zh';

/** Regional variants first (es-MX), then the language; Latin American Spanish covers es-US too. */
const BY_TAG: Readonly<Record<string, DemoTexts>> = {
  zh,
  en,
  de,
  fr,
  es,
  it,
  nl,
  pl,
  ja,
  ko,
  ar,
  ru,
  hi,
  id,
  th,
  vi,
  'es-MX': esMX,
  'es-US': esMX,
  pt: ptBR,
  'pt-BR': ptBR,
};

export function textsFor(locale: string): DemoTexts {
  const language = locale.split('-')[0] ?? locale;
  const texts = BY_TAG[locale] ?? BY_TAG[language];
  if (!texts) throw new Error(`no demo texts for locale ${locale}`);
  return texts;
}

export const DEMO_TEXT_TAGS = Object.keys(BY_TAG);
