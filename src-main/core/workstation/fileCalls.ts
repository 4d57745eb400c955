import type { ContractHandlers } from './contractCalls';
import { StoreError, type LocalStore } from '../store';
import type { SyncConnection } from './syncConnection';

/**
 * Files on the desk (issue 18): attaching one to a case this desk holds, reading a copy from the cache or
 * the server (kept in the size-bounded cache afterwards), and which copies open offline.
 */
export function fileHandlers(
  store: LocalStore,
  sync: () => SyncConnection,
): Pick<ContractHandlers, 'files:attach' | 'files:content' | 'files:held'> {
  return {
    'files:attach': (input) => {
      if (!store.caseDetail(input.caseId))
        throw new StoreError('NOT_FOUND', `No case ${input.caseId} in this workstation.`);
      return store.attachFile({
        caseId: input.caseId,
        fileName: input.fileName,
        bytes: Buffer.from(input.contentBase64, 'base64'),
      });
    },
    'files:content': async ({ attachmentId, variant }) => {
      const cached = store.cachedFile(attachmentId, variant);
      if (cached) return { mediaType: cached.mediaType, contentBase64: cached.bytes.toString('base64') };
      const download = sync().downloadFile;
      if (!download)
        throw new StoreError('OFFLINE', 'This copy of the file is not on this desk and there is no server.');
      const file = await download(attachmentId, variant);
      store.cacheFile(attachmentId, variant, file);
      return { mediaType: file.mediaType, contentBase64: file.bytes.toString('base64') };
    },
    'files:held': ({ attachmentIds }) => Object.fromEntries(store.heldVariants(attachmentIds)),
  };
}
