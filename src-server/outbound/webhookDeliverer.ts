import type { Deliverer } from './deliverer';

export interface WebhookOptions {
  url: string;
  /** Sent as a bearer token so the receiving gateway can authenticate us. */
  secret?: string;
  timeoutMs?: number;
}

/**
 * POSTs each reply as JSON to a channel gateway (its files by reference, to download) with `Idempotency-Key: <messageId>`, so a retry after an
 * ambiguous failure (timeout, 5xx) cannot reach the customer twice through a gateway that honours it.
 * 2xx delivers; 408, 429 and 5xx and network errors retry; redirects (never followed) and other 4xx fail for good.
 */
export function webhookDeliverer(options: WebhookOptions): Deliverer {
  return {
    async deliver(message, forCase) {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 10_000);
      try {
        const response = await fetch(options.url, {
          method: 'POST',
          signal: controller.signal,
          // A redirect would hand the customer's reply (and our bearer secret) to an address nobody configured.
          redirect: 'manual',
          headers: {
            'content-type': 'application/json',
            'idempotency-key': message.id,
            ...(options.secret ? { authorization: `Bearer ${options.secret}` } : {}),
          },
          body: JSON.stringify({
            messageId: message.id,
            caseId: forCase.id,
            caseRef: forCase.ref,
            channel: message.channel,
            to:
              forCase.customer.contacts.find((contact) => contact.channel === message.channel) ??
              forCase.customer.contacts[0] ??
              null,
            locale: message.locale,
            body: message.body,
            subject: forCase.subject,
            // The gateway fetches each file with its integration token from the path given (README "Attachments").
            attachments: (message.attachments ?? []).map((file) => ({
              id: file.id,
              fileName: file.fileName,
              mediaType: file.mediaType,
              size: file.size,
              sha256: file.sha256,
              contentPath: `/api/v1/attachments/${file.id}/content${file.hasPreview ? '?variant=display' : ''}`,
            })),
          }),
        });
        await response.arrayBuffer().catch(() => undefined);
        if (response.ok) return { ok: true };
        if (response.status >= 300 && response.status < 400)
          return {
            ok: false,
            retryable: false,
            error: `gateway answered a redirect (${response.status}); not followed`,
          };
        const retryable = response.status === 408 || response.status === 429 || response.status >= 500;
        return { ok: false, retryable, error: `gateway answered ${response.status}` };
      } catch (error) {
        return { ok: false, retryable: true, error: error instanceof Error ? error.message : String(error) };
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
