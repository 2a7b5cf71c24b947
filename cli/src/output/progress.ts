// Progress of a long operation on stderr: a bar redrawn in place when stderr is a terminal,
// otherwise one line per 10% so logs stay readable. Off entirely for --json.
import type { OutputStream } from '../io';

export interface Progress {
  /** Add to the count done so far. */
  advance(count: number): void;
  /** End the bar (a final newline on a terminal). */
  done(): void;
}

const silent: Progress = { advance: () => undefined, done: () => undefined };

export function createProgress(stream: OutputStream, options: { total: number; label: string; enabled: boolean }): Progress {
  const { total, label } = options;
  if (!options.enabled || total <= 0) return silent;
  let done = 0;
  let finished = false;
  if (stream.isTTY) {
    const draw = (): void => {
      const ratio = Math.min(1, done / total);
      const counts = `${Math.round(ratio * 100)}% ${done}/${total}`;
      const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - label.length - counts.length - 5));
      const filled = Math.round(ratio * width);
      stream.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${counts}`);
    };
    draw();
    return {
      advance(count) {
        done += count;
        draw();
      },
      done() {
        if (finished) return;
        finished = true;
        stream.write('\n');
      },
    };
  }
  let reported = 0;
  return {
    advance(count) {
      done += count;
      // One line each time another tenth is crossed (a big step crosses several: still one line).
      const tenth = Math.min(10, Math.floor((done / total) * 10));
      if (tenth <= reported) return;
      reported = tenth;
      stream.write(`${label}: ${Math.floor((Math.min(done, total) / total) * 100)}% (${Math.min(done, total)}/${total})\n`);
    },
    done() {
      finished = true;
    },
  };
}
