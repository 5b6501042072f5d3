// @foliojs-fork/fontkit ships no types; pdf-lib describes the fontkit it drives.
declare module '@foliojs-fork/fontkit' {
  import type { Font, Fontkit } from 'pdf-lib/cjs/types/fontkit.js';

  const fontkit: Fontkit & { create(buffer: Buffer, postscriptName?: string): Font };
  export default fontkit;
}
