import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import { inspect, type Verdict } from './document-inspection.js';
import type { MediaType } from './requirements.js';

/**
 * Most bytes pdf-lib may decode for one document. Its parser inflates every object stream whole,
 * with no limit of its own: a few hundred kilobytes of a crafted PDF ask for gigabytes. Every
 * one of its decoders (Flate, LZW, ASCII85, ASCIIHex, RunLength) grows its output through
 * DecodeStream.ensureBuffer, in this thread's own copy of the library; counting there bounds them
 * all. Real scans' object streams hold dictionaries: a few megabytes at most.
 */
const DECODE_BUDGET = 64 * 1_048_576;

let overBudget = false;

const DecodeStream = (createRequire(import.meta.url)('pdf-lib/cjs/core/streams/DecodeStream.js') as { default: { prototype: { ensureBuffer(requested: number): Uint8Array; buffer: Uint8Array } } }).default;
const grow = DecodeStream.prototype.ensureBuffer;
let decoded = 0;
DecodeStream.prototype.ensureBuffer = function (this: { buffer: Uint8Array }, requested: number) {
  if (requested > DECODE_BUDGET) throw overrun();
  const before = this.buffer.byteLength;
  const buffer = grow.call(this, requested);
  // What the library allocated to hold its output, over every stream of the document.
  decoded += buffer.byteLength - before;
  if (decoded > DECODE_BUDGET) throw overrun();
  return buffer;
};

// pdf-lib reports what it could not parse as an unreadable PDF; this says why.
function overrun(): Error {
  overBudget = true;
  return new Error('decode budget exceeded');
}

// One document's inspection, in its own thread (see inspectIsolated): reads the received file,
// writes the PDF as checked beside it, and answers a Verdict.
const { mediaType, file, rewriteTo } = workerData as { mediaType: MediaType; file: string; rewriteTo: string };
parentPort!.postMessage('ready');
const { problem, rewritten } = await inspect(mediaType, await readFile(file));
const verdict: Verdict = overBudget ? { problem: 'PDF_TOO_COMPLEX' } : problem ? { problem } : { problem: null, rewritten: Boolean(rewritten) };
if (!verdict.problem && rewritten) await writeFile(rewriteTo, rewritten, { mode: 0o600 });
parentPort!.postMessage(verdict);
