/**
 * A measurement run in a process of its own (so that one size's memory peak never mixes with
 * another's), and what such a process reads of its own memory.
 */
import { fork, type Serializable } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Linux: the peak resident set since the last reset, in bytes; null elsewhere. */
export function residentPeak(): number | null {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

export function resetResidentPeak(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

/** The loader flags this process runs with (tsx), for a child that must load TypeScript too. */
function loaderFlags(): string[] {
  const flags: string[] = [];
  const argv = process.execArgv;
  for (let at = 0; at < argv.length; at++) {
    const flag = argv[at] ?? '';
    if (['--require', '-r', '--import', '--loader', '--experimental-loader'].includes(flag)) flags.push(flag, argv[++at] ?? '');
    else if (/^--(require|import|loader|experimental-loader)=/.test(flag)) flags.push(flag);
  }
  return flags;
}

/**
 * Runs `job` in a new process started from the module at `moduleUrl` with `flag`; that module
 * answers through `answerAsChild`. Rejects with what the child said, or when it exits first or
 * takes longer than `timeoutMs`.
 */
export function runInChild<Job extends Serializable, Measurement>(
  moduleUrl: string,
  flag: string,
  job: Job,
  options: { readonly timeoutMs?: number; readonly timeoutMessage?: string } = {},
): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(moduleUrl), [flag], {
      execArgv: [...loaderFlags(), '--expose-gc', '--max-old-space-size=4096'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            child.kill();
            reject(new Error(options.timeoutMessage ?? `the benchmark child took more than ${options.timeoutMs} ms`));
          }, options.timeoutMs);
    child.once('message', (message) => {
      clearTimeout(timer);
      const reply = message as { measurement?: Measurement; error?: string };
      if (reply.measurement) resolve(reply.measurement);
      else reject(new Error(reply.error ?? 'the benchmark child answered nothing'));
      child.disconnect();
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the benchmark child exited (${code ?? signal}) before answering`));
    });
    child.send(job);
  });
}

/** In a process `runInChild` started with `flag`: measures the one job it is sent and answers. */
export function answerAsChild<Job, Measurement>(flag: string, measure: (job: Job) => Measurement): void {
  if (!process.argv.includes(flag)) return;
  process.once('message', (message) => {
    try {
      process.send?.({ measurement: measure(message as Job) });
    } catch (error) {
      process.send?.({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  });
}
