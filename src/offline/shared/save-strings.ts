import { offlineUi } from '../../lib/ui-strings.ts';

/**
 * The texts of the 保存以离线阅读 control. The server writes them into the element (data-strings) and
 * src/offline/browser/save.ts reads them there, so the script every article page loads carries no strings.
 */
export type SaveStrings = Pick<
  typeof offlineUi,
  'save' | 'saving' | 'saved' | 'remove' | 'saveFailed' | 'saveFailedStorageFull' | 'alreadyOffline'
>;

/** Called at build time only (SaveOffline.astro). */
export function saveStrings(): SaveStrings {
  const { save, saving, saved, remove, saveFailed, saveFailedStorageFull, alreadyOffline } = offlineUi;
  return { save, saving, saved, remove, saveFailed, saveFailedStorageFull, alreadyOffline };
}
