import 'i18next';
import type app from '../../locales/en/app.json';
import type domain from '../../locales/en/domain.json';
import type queue from '../../locales/en/queue.json';

// English is the reference catalog: keys are typed from it, and locales.test.ts holds the others to it.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'app';
    resources: { app: typeof app; domain: typeof domain; queue: typeof queue };
  }
}
