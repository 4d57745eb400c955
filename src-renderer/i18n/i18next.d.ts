import 'i18next';
import type app from '../../locales/en/app.json';
import type domain from '../../locales/en/domain.json';
import type queue from '../../locales/en/queue.json';
import type attention from '../../locales/en/attention.json';
import type caseNs from '../../locales/en/case.json';
import type composer from '../../locales/en/composer.json';
import type guidance from '../../locales/en/guidance.json';
import type rights from '../../locales/en/rights.json';
import type settings from '../../locales/en/settings.json';
import type shortcuts from '../../locales/en/shortcuts.json';
import type sla from '../../locales/en/sla.json';
import type sync from '../../locales/en/sync.json';
import type supervision from '../../locales/en/supervision.json';
import type workflow from '../../locales/en/workflow.json';
import type practice from '../../locales/en/practice.json';

// English is the reference catalog: keys are typed from it, and tests/unit/i18nCatalogs.test.ts holds the others to it.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'app';
    resources: {
      app: typeof app;
      domain: typeof domain;
      queue: typeof queue;
      case: typeof caseNs;
      composer: typeof composer;
      guidance: typeof guidance;
      rights: typeof rights;
      sla: typeof sla;
      attention: typeof attention;
      settings: typeof settings;
      shortcuts: typeof shortcuts;
      sync: typeof sync;
      supervision: typeof supervision;
      workflow: typeof workflow;
      practice: typeof practice;
    };
  }
}
