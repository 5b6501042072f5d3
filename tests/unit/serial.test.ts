import { describe, expect, it } from 'vitest';
import { serialCandidates } from '../../server/lifecycle/serial.js';

const MANUAL = '3b00cdd4a8d648335efb415e3b273bd8';

describe('serialCandidates: the stored forms a serial written by a relying party may stand for', () => {
  it.each([
    ['lowercase hex', MANUAL],
    ['uppercase hex', MANUAL.toUpperCase()],
    ['colon-separated', MANUAL.toUpperCase().match(/../g)!.join(':')],
    ['space-separated with 0x', `0x${MANUAL.match(/..../g)!.join(' ')}`],
    ['decimal', BigInt(`0x${MANUAL}`).toString(10)],
  ])('reads %s', (_label, written) => {
    expect(serialCandidates(written)).toContain(MANUAL);
  });

  it('tries both readings of digits alone, padded to 16 bytes', () => {
    expect(serialCandidates('123')).toEqual([`${'0'.repeat(29)}123`, `${'0'.repeat(30)}7b`]);
  });

  it.each(['', '   ', 'xyz', 'f'.repeat(33), '9'.repeat(65), "1' OR '1'='1"])('finds nothing to try in %j', (written) => {
    expect(serialCandidates(written)).toEqual([]);
  });

  it('refuses decimals of more than 128 bits', () => {
    expect(serialCandidates((1n << 128n).toString(10))).toEqual([]);
  });
});
