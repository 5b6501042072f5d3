import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The next request and order numbers (and the next CRL number). A submission draws its numbers by incrementing its row
 * in a short transaction of its own, so two submissions can never draw the same number, on one
 * database or across a cluster's nodes (where the loser of a simultaneous draw is refused at
 * commit and draws again). A number drawn by a submission that then fails is not reused.
 */
@Entity('number_sequence')
export class NumberSequence {
  /** `request_number`, `order_number` or `crl_number`. */
  @PrimaryColumn({ type: 'varchar', length: 32, name: 'name' })
  name!: string;

  // 64-bit: the CRL number continues from the signing second it once was (numbers.ts), which
  // an int would not hold past 2038. Read back as a number (mysql2 gives bigint as a string).
  @Column({ type: 'bigint', name: 'next_value', transformer: { to: (v: number) => v, from: (v: string | number) => Number(v) } })
  nextValue!: number;
}
