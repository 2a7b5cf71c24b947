// The partner file exchange as `interline start` runs it: from the `files:` section of
// interline.yaml, with one partner per connector instance that has a file source unless the
// partners are listed. Nothing starts when no connector takes files.
import type { RunningHub } from '../runtime/start-runtime';
import { startFileExchange } from './file-exchange';
import type { FileExchange } from './file-exchange';

export function startConfiguredFileExchange(running: RunningHub): FileExchange | undefined {
  const { hub, config } = running;
  const takesFiles = hub.connectors.list().some((instance) => Object.values(instance.definition.sources ?? {}).some((source) => source.kind === 'file'));
  if (!takesFiles && !config.files.partners?.length) return undefined;
  return startFileExchange({
    hub,
    root: config.files.root,
    pollIntervalMs: config.files.pollIntervalMs,
    settleMs: config.files.settleMs,
    ...(config.files.partners ? { partners: config.files.partners } : {}),
  });
}
