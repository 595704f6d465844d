#!/usr/bin/env node
// Exports a donor's donation receipts of a year from a node as one JSON file, the shape the
// year-end tax settlement takes (docs/DONATIONS.md). Run through scripts/donation-receipts.sh;
// --help for the options.

import { writeFileSync } from 'node:fs';
import { connectTo, fail, parseOptions } from '../lib/cli.js';

const usage = `Usage: scripts/donation-receipts.sh --donor DID_OR_ADDRESS --year YYYY [options]
  --donor DID        the donor, by did:seoul: DID or address
  --year YYYY        the year of the donations (in Korea)
  --out FILE         where to write the JSON (default: stdout)
  --ws URL           node RPC endpoint (default ws://127.0.0.1:9944)
Writes { donor, year, receipts, totals } with every receipt the donor's charities issued for the
year; exits 1 if there is none, 2 on bad input or an unreachable node.`;

const options = parseOptions(usage, {
  donor: { type: 'string' },
  year: { type: 'string' },
  out: { type: 'string' },
  ws: { type: 'string', default: 'ws://127.0.0.1:9944' },
});
if (!options.donor) fail(`--donor is required\n${usage}`);
if (!/^\d{4}$/.test(options.year ?? '')) fail('--year takes a four-digit year, e.g. 2026');
const year = Number(options.year);

const provider = await connectTo(options.ws);
const receipts = [];
try {
  let start = null;
  do {
    const page = await provider.send('donations_receipts', [options.donor, year, start, 100]);
    receipts.push(...page.receipts);
    start = page.next;
  } while (start !== null);
} catch (error) {
  fail(`donations_receipts failed at ${options.ws}: ${error.message}`);
} finally {
  await provider.disconnect();
}

const sum = (key, currency) =>
  receipts
    .flatMap((receipt) => (currency ? receipt.lines.filter((line) => line.currency === currency) : [receipt]))
    .reduce((total, entry) => total + BigInt(entry[key]), 0n)
    .toString();
const totals = {
  receipts: receipts.length,
  scoin: sum('amount', 'scoin'),
  won: sum('amount', 'won'),
  total: sum('total'),
  refundedSince: sum('refundedSince'),
  deductible: sum('deductible'),
};
const exported = {
  format: 'seoul-donation-receipts/1',
  donor: receipts[0]?.donor ?? options.donor,
  year,
  note: 'Amounts are in millionths of an SCN or of a won (1 SCN = 1 won).',
  receipts,
  totals,
};
const text = `${JSON.stringify(exported, null, 2)}\n`;
if (options.out) {
  try {
    writeFileSync(options.out, text);
  } catch (error) {
    fail(`cannot write ${options.out}: ${error.message}`);
  }
  console.error(`${receipts.length} receipt(s) of ${year} written to ${options.out}`);
} else {
  process.stdout.write(text);
}
process.exitCode = receipts.length > 0 ? 0 : 1;
