// The labour pallet's dates and a part-time contract's terms, as the e2e tests propose them.

import { blake2AsHex } from '@polkadot/util-crypto';

/** Korea Standard Time's offset from UTC, in milliseconds. */
const KST_MS = 9 * 3_600_000;
const DAY_MS = 86_400_000;

/** The date in Korea `days` days before `ms` (a Unix time in milliseconds), as the chain takes it. */
export function koreanDate(ms, days = 0) {
  const date = new Date(ms + KST_MS - days * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** `{ year, month, day }` written as the RPC writes dates. */
export const iso = ({ year, month, day }) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** Twenty hours a week, Monday to Friday 10:00–14:30 with a 30-minute break, Sunday paid. */
export const WORKDAY = { start: 600, end: 870, breakMinutes: 30 };

/** A barista's terms at Café Mapo: `hourlyWage` won an hour, WORKDAY on weekdays, `allowances`. */
export const contractTerms = (hourlyWage, allowances = []) => ({
  workplace: blake2AsHex('Café Mapo, 12 Example-ro'),
  duties: blake2AsHex('barista'),
  schedule: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'].map((day) => ({ day, hours: WORKDAY })),
  weeklyHoliday: 'Sunday',
  hourlyWage,
  allowances,
  payDay: 10,
  payMethod: 'BankTransfer',
  overtimePremiumPercent: 50,
  fiveOrMoreEmployees: true,
  document: blake2AsHex('the signed contract, kept by both sides'),
});
