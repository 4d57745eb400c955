import { checkReply } from './checkReply';
import type { Finding } from './findings';
import type { ReplyContext } from './replyContext';
import { renderReply, type RenderOptions, type RenderedReply } from './renderReply';
import type { ReplyTemplate } from './schema';

export interface SideBySide {
  customer: RenderedReply;
  /** The same reply in the agent's UI language, so an agent who does not read the customer's sees what it says. */
  agent: RenderedReply;
  findings: Finding[];
}

export function renderSideBySide(
  template: ReplyTemplate,
  context: ReplyContext,
  locales: { customer: string; agent: string },
  options: RenderOptions,
): SideBySide {
  const customer = renderReply(template, context, locales.customer, options);
  const agent = renderReply(template, context, locales.agent, options);
  return { customer, agent, findings: checkReply({ context, customer: draftOf(customer), agent: draftOf(agent) }) };
}

/** The check input for a rendering, optionally with the text as the agent edited it. */
export function draftOf(rendered: RenderedReply, editedText?: string): Parameters<typeof checkReply>[0]['customer'] {
  return {
    locale: rendered.resolution.locale,
    formatLocale: rendered.formatLocale,
    text: editedText ?? rendered.text,
    resolution: rendered.resolution,
    status: rendered.status,
    missing: rendered.missing,
  };
}
