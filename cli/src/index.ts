// @interline/cli's public surface: the program (with room for plug-in commands), the io it runs
// against, the admin API client, and the output helpers commands share.
export { buildProgram, runCli, reportError, BUILT_IN_COMMANDS } from './program';
export type { CommandRegistrar } from './program';
export { processIo, memoryIo } from './io';
export type { CliIo, MemoryIo, MemoryIoOptions, OutputStream } from './io';
export { commandContext, clientFor, outputWidth } from './context';
export type { CommandContext, GlobalOptions } from './context';
export { CliError, USAGE_EXIT_CODE, oneLine, messageOf } from './errors';
export { ApiClient, ApiError, HubUnreachableError, DEFAULT_HUB_URL, parseHubUrl } from './api/client';
export type { ApiCall, ApiClientOptions, TokenSource } from './api/client';
export type * from './api/types';
export { ROLES } from './api/types';
export { issueLocalToken, localDataDir, localSubject, tokenSource } from './auth/local-token';
export type { LocalTokenRequest } from './auth/local-token';
export { renderTable, truncate } from './output/table';
export type { Column, TableOptions } from './output/table';
export { createProgress } from './output/progress';
export type { Progress } from './output/progress';
export { createStyle, colorsEnabled } from './output/style';
export type { Style } from './output/style';
export { parseDuration, parseTimeBound, relativeTime } from './options/time';
export { readJsonFile, describeJsonError } from './options/json-file';
