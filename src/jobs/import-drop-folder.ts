import { dropOrganisation, importDropFolder } from '../import/import-drop-folder.js';
import type { Job } from './job.js';

/** Every 10 minutes: a legacy machine's nightly inventory is on the hub well before anyone looks. */
export const importDropFolderJob: Job = {
  name: 'import-drop-folder',
  cron: '*/10 * * * *',
  run: (deps) => {
    const dir = deps.config.dropDir;
    if (dir === undefined) return { skipped: 'ESTATEWATCH_DROP_DIR is not set' };
    return importDropFolder(deps, dir, dropOrganisation(deps.db, deps.config.dropOrganisation));
  },
};
