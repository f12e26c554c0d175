/**
 * A one-line progress bar for long CLI work, drawn on stderr only when stderr
 * is a terminal (a log file or a pipe gets nothing), redrawn at most every
 * 100 ms so drawing never costs more than the work it reports.
 */
export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

export interface ProgressBar {
  update(done: number): void;
  finish(): void;
}

const WIDTH = 24;
const INTERVAL_MS = 100;
const number = new Intl.NumberFormat('en-GB');

export function progressBar(stream: ProgressStream, total: number, label: string, clock: () => number = Date.now): ProgressBar {
  if (!stream.isTTY || total <= 0) return { update: () => {}, finish: () => {} };
  let last = -Infinity;
  let drawn = false;
  const draw = (done: number) => {
    stream.write(`\r${formatProgress(done, total, label)}`);
    drawn = true;
  };
  return {
    update: (done) => {
      const now = clock();
      if (now - last < INTERVAL_MS && done < total) return;
      last = now;
      draw(done);
    },
    finish: () => {
      if (drawn) stream.write('\n');
    },
  };
}

/** "importing 1,234/10,000 reports ███░░░░░ 12%" */
export function formatProgress(done: number, total: number, label: string): string {
  const ratio = Math.min(1, done / total);
  const filled = Math.round(ratio * WIDTH);
  return `${label} ${number.format(done)}/${number.format(total)} reports ${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)} ${Math.floor(ratio * 100)}%`;
}
