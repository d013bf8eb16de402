// The worker thread of the Node server (dist/analysis-worker.js): analyses long documents, and
// runs their "fix all", away from the server's thread. Jobs come one at a time from
// worker-runner.ts; the answer is plain data (a structured clone): the document without its text
// (the server has it) nor its two functions (rebuilt there, see `withPositions`).
import { parentPort } from 'node:worker_threads';
import { analyze, ficheData, type AnalysisResult } from './core';
import { fixAll } from './core/fix-all';
import type { WorkerMessage, WorkerReply } from './worker-runner';

/** The last analysis of each document, reused by its "fix all" when the text and options match. */
const last = new Map<string, { text: string; options: string; result: AnalysisResult }>();

function run(message: WorkerMessage): WorkerReply | undefined {
  if (message.kind === 'forget') {
    last.delete(message.uri);
    return undefined;
  }
  const { id, uri, text } = message;
  const options = JSON.stringify(message.options);
  try {
    if (message.kind === 'analyze') {
      const start = performance.now();
      const result = analyze(text, message.options);
      const duration = performance.now() - start;
      last.set(uri, { text, options, result });
      // eslint-disable-next-line @typescript-eslint/no-unused-vars
      const { text: _text, ...document } = ficheData(result.document);
      return { id, analysis: { document, findings: result.findings, duration } };
    }
    const known = last.get(uri);
    const analysis = known && known.text === text && known.options === options ? known.result : undefined;
    return { id, fixed: fixAll(text, message.options, message.ruleId, analysis) };
  } catch (error) {
    return { id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

parentPort?.on('message', (message: WorkerMessage) => {
  const reply = run(message);
  if (reply) {
    parentPort!.postMessage(reply);
  }
});
