// V8's settings for `fiche-lint`, set before the rest of the CLI is loaded (imported first by
// server/src/cli.ts). V8 tunes its optimising compiler for long-running programs; a lint run is
// short and runs a lot of code a few hundred times, so two of its settings cost more than they
// win back before the process exits (measured on the 347 corpus fiches, docs/performance.md):
// - no TurboFan inlining: optimising compilations stay small, and a deoptimisation throws less
//   away;
// - an interrupt budget four times V8's default: functions are optimised later, so fewer of
//   those that run only a few hundred times are.
// Together, same code with and without them: on the corpus, 36 % less CPU and 16 % less wall
// time on two cores, 35 % less wall time on one core (many CI containers); on 2,082 files, 14 %
// less CPU for the same wall time within 5 %.
// Both only change when code is optimised, never what it computes. A runtime that refuses
// flags keeps its defaults.
import { setFlagsFromString } from 'node:v8';

for (const flag of ['--no-turbo-inlining', '--interrupt-budget=528000']) {
  try {
    setFlagsFromString(flag);
  } catch {
    // Defaults.
  }
}
