// opencc-js 1.4 ships no type declarations for its sub-path entries; the part we use.
declare module 'opencc-js/t2cn' {
  export type Locale = 'cn' | 'tw' | 'twp' | 'hk' | 'hkp' | 'jp' | 't';
  export function Converter(options: { from: Locale; to: Locale }): (text: string) => string;
}
