// @interline/mappings: mapping modules are found by file name (<connector>/<name>.mapping.ts);
// nothing needs to be listed here. This module only names the workspace's own folder.
import path from 'node:path';

/** The mappings workspace folder, for loadMappings(). */
export const MAPPINGS_ROOT = path.resolve(__dirname, '..');
