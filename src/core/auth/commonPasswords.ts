import fs from 'node:fs';

// The bundled list (common-passwords.txt beside this file), read once, lower case.
let list: Set<string> | null = null;
function commonPasswords(): Set<string> {
  if (!list) {
    const text = fs.readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8');
    list = new Set(
      text
        .split('\n')
        .map((l) => l.trim().toLowerCase())
        .filter((l) => l && !l.startsWith('#')),
    );
  }
  return list;
}

/**
 * A password is common when, lower-cased, it is on the list as typed, or with its trailing symbols
 * taken off ("qq123456!"), or with its trailing digits and symbols taken off ("Password1",
 * "woaini1314!") as long as four characters remain (so that "Ab" of "Ab-93x…" matches nothing).
 */
export function isCommonPassword(password: string): boolean {
  const set = commonPasswords();
  const lower = password.normalize('NFC').toLowerCase();
  const noSymbols = lower.replace(/[^\p{L}\p{N}]+$/u, '');
  const bare = lower.replace(/[^\p{L}]+$/u, '');
  return set.has(lower) || set.has(noSymbols) || (bare.length >= 4 && set.has(bare));
}
