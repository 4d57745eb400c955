import type { CaseDetail } from '../../../src-shared/contract/workstation';

type PendingMessage = CaseDetail['messages'][number];
type PendingNote = CaseDetail['notes'][number];

export type ThreadItem =
  | { kind: 'message'; id: string; message: PendingMessage; isPending: boolean }
  | { kind: 'note'; id: string; note: PendingNote; isPending: boolean };

function at(item: ThreadItem): string {
  return item.kind === 'message' ? item.message.createdAt : item.note.createdAt;
}

function writtenAt(item: ThreadItem): string {
  return item.kind === 'message' ? item.message.writtenAt : item.note.writtenAt;
}

/**
 * Messages and internal notes in one thread, in the server's order (SYNC.md: server arrival time orders
 * the conversation). Items the server has not accepted yet have no place in that order, so they follow
 * it, in the order the agent wrote them.
 */
export function threadItems(detail: Pick<CaseDetail, 'messages' | 'notes'>): ThreadItem[] {
  const items: ThreadItem[] = [
    ...detail.messages.map((message): ThreadItem => ({
      kind: 'message',
      id: message.id,
      message,
      isPending: message.isPending,
    })),
    ...detail.notes.map((note): ThreadItem => ({ kind: 'note', id: note.id, note, isPending: note.isPending })),
  ];
  const accepted = items
    .filter((item) => !item.isPending)
    .sort((a, b) => at(a).localeCompare(at(b)) || a.id.localeCompare(b.id));
  const pending = items
    .filter((item) => item.isPending)
    .sort((a, b) => writtenAt(a).localeCompare(writtenAt(b)) || a.id.localeCompare(b.id));
  return [...accepted, ...pending];
}
