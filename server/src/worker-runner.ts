// Node only: runs the analyses of long documents in one worker thread (analysis-worker.ts), so
// that the server's thread keeps answering while a long document is analysed.
import { Worker } from 'node:worker_threads';
import type { AnalysisOptions } from './core';
import type { AnalysisData, AnalysisRunner, RunOutcome } from './analyses';

/**
 * Documents at least this long (UTF-16 code units) are analysed in the worker. Measured on real
 * fiches put end to end (docs/performance-server.md): ~30 ms of analysis at 64 K characters, the
 * pause from which a blocked server is felt; below it, the copies to and from the worker are not
 * worth it.
 */
export const WORKER_THRESHOLD = 64 * 1024;

/** A job sent to the worker. */
export type WorkerJob =
  | { id: number; kind: 'analyze'; uri: string; text: string; options: AnalysisOptions }
  | { id: number; kind: 'fix'; uri: string; text: string; options: AnalysisOptions; ruleId?: string };
/** Other messages to the worker: forget a closed document's last analysis. */
export type WorkerMessage = WorkerJob | { kind: 'forget'; uri: string };
/** The worker's answer to a job. */
export type WorkerReply =
  | { id: number; analysis: AnalysisData }
  | { id: number; fixed: string }
  | { id: number; error: string };

interface Pending {
  job: WorkerJob;
  key: string;
  resolve(outcome: RunOutcome<unknown>): void;
  reject(error: Error): void;
}

export interface WorkerRunnerOptions {
  /** The worker's script (dist/analysis-worker.js next to dist/server.js). */
  script: string;
  /** Writes one line in the client's output (a French message). */
  log(message: string): void;
  threshold?: number;
}

/**
 * One long-lived worker, started on the first long document. One job at a time in the worker;
 * the others wait here, at most one per document and kind (a newer version replaces the waiting
 * one, and makes the running one's result useless: it is dropped on arrival). When the worker
 * cannot start or dies, every job is `unavailable` from then on (the server analyses inline) and
 * one line says so in the client's output.
 */
export class WorkerRunner implements AnalysisRunner {
  readonly threshold: number;
  private worker: Worker | undefined;
  private state: 'idle' | 'started' | 'failed' | 'disposed' = 'idle';
  /** Jobs not yet given to the worker, oldest first, by key (document and kind). */
  private readonly waiting = new Map<string, Pending>();
  /** The job the worker is running. */
  private running: Pending | undefined;
  private nextId = 1;
  private posted = 0;

  constructor(private readonly options: WorkerRunnerOptions) {
    this.threshold = options.threshold ?? WORKER_THRESHOLD;
  }

  /** Jobs given to the worker so far (for tests and measures: the keystrokes that were not queued). */
  get jobsPosted(): number {
    return this.posted;
  }

  analyze(uri: string, text: string, options: AnalysisOptions): Promise<RunOutcome<AnalysisData>> {
    return this.submit({ id: this.nextId++, kind: 'analyze', uri, text, options });
  }

  fixAll(uri: string, text: string, options: AnalysisOptions, ruleId?: string): Promise<RunOutcome<string>> {
    return this.submit({ id: this.nextId++, kind: 'fix', uri, text, options, ruleId });
  }

  forget(uri: string): void {
    for (const [key, pending] of this.waiting) {
      if (pending.job.uri === uri) {
        this.waiting.delete(key);
        pending.resolve({ status: 'superseded' });
      }
    }
    if (this.running?.job.uri === uri) {
      this.supersedeRunning();
    }
    if (this.state === 'started') {
      this.send({ kind: 'forget', uri });
    }
  }

  async dispose(): Promise<void> {
    if (this.state === 'disposed') {
      return;
    }
    const worker = this.worker;
    this.state = 'disposed';
    this.worker = undefined;
    this.abandonAll();
    await worker?.terminate();
  }

  private submit<T>(job: WorkerJob): Promise<RunOutcome<T>> {
    if (this.state === 'failed' || this.state === 'disposed') {
      return Promise.resolve({ status: 'unavailable' });
    }
    const key = `${job.kind}\u0000${job.kind === 'fix' ? (job.ruleId ?? '') : ''}\u0000${job.uri}`;
    return new Promise<RunOutcome<T>>((resolve, reject) => {
      const previous = this.waiting.get(key);
      if (previous) {
        this.waiting.delete(key);
        previous.resolve({ status: 'superseded' });
      }
      if (this.running?.key === key) {
        this.supersedeRunning();
      }
      this.waiting.set(key, { job, key, resolve: resolve as Pending['resolve'], reject });
      this.pump();
    });
  }

  // The running job's result will be of no use: its callers go on at once, the result is dropped.
  private supersedeRunning(): void {
    const running = this.running!;
    running.resolve({ status: 'superseded' });
    running.resolve = () => undefined;
    running.reject = () => undefined;
  }

  // Gives the oldest waiting job to the worker when it is free (starting it the first time).
  private pump(): void {
    if (this.running || this.waiting.size === 0) {
      return;
    }
    const worker = this.start();
    if (!worker) {
      return;
    }
    const [key, next] = this.waiting.entries().next().value!;
    this.waiting.delete(key);
    this.running = next;
    this.posted++;
    this.send(next.job);
  }

  private start(): Worker | undefined {
    if (this.state === 'idle') {
      try {
        const worker = new Worker(this.options.script);
        // Never what keeps the server alive: it ends with the connection.
        worker.unref();
        worker.on('message', (reply: WorkerReply) => this.receive(reply));
        worker.on('error', (error) => this.fail(error));
        worker.on('messageerror', (error) => this.fail(error));
        worker.on('exit', (code) => this.fail(new Error(`code de sortie ${code}`)));
        this.worker = worker;
        this.state = 'started';
      } catch (error) {
        this.fail(error);
      }
    }
    return this.worker;
  }

  private send(message: WorkerMessage): void {
    try {
      this.worker!.postMessage(message);
    } catch (error) {
      this.fail(error);
    }
  }

  private receive(reply: WorkerReply): void {
    const running = this.running;
    if (!running || running.job.id !== reply.id) {
      return;
    }
    this.running = undefined;
    if ('error' in reply) {
      running.reject(new Error(reply.error));
    } else {
      running.resolve({ status: 'done', value: 'analysis' in reply ? reply.analysis : reply.fixed });
    }
    this.pump();
  }

  // The worker could not start or died: said once, then every job (running, waiting, future) is inline.
  private fail(error: unknown): void {
    if (this.state === 'failed' || this.state === 'disposed') {
      return;
    }
    this.state = 'failed';
    const worker = this.worker;
    this.worker = undefined;
    const reason = error instanceof Error ? error.message : String(error);
    this.options.log(
      `fiche-language-server : analyse des longs documents en arrière-plan indisponible (${reason}) ; ils sont analysés sur le fil principal.`,
    );
    this.abandonAll();
    worker?.terminate().catch(() => undefined);
  }

  private abandonAll(): void {
    const pending = [...(this.running ? [this.running] : []), ...this.waiting.values()];
    this.running = undefined;
    this.waiting.clear();
    for (const job of pending) {
      job.resolve({ status: 'unavailable' });
    }
  }
}
