// Every namespace of one UI language, one chunk: i18n.ts loads it when the language is first used.
export default import.meta.glob<Record<string, unknown>>('../../../locales/es/*.json', {
  eager: true,
  import: 'default',
});
