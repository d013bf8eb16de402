// Exhaustive checks of the character-class functions of the core's hot loops against the
// regular expressions they replace.

/**
 * The code points from 0 to `last` (hexadecimal) where `test(code)` and `pattern` applied to
 * the character disagree; `last` 0xffff tests code units (lone surrogates included).
 */
export function disagreements(test: (code: number) => boolean, pattern: RegExp, last = 0x10ffff): string[] {
  const wrong: string[] = [];
  for (let code = 0; code <= last; code++) {
    const char = last <= 0xffff ? String.fromCharCode(code) : String.fromCodePoint(code);
    if (test(code) !== pattern.test(char)) {
      wrong.push(code.toString(16));
    }
  }
  return wrong;
}
