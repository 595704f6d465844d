#!/usr/bin/env node
// Measures how many transactions a second the 4-validator local network includes when its pools
// hold a flood of pre-signed transfers or QR payments, with what each block held and why it
// ended, how long imports took, how far finality lagged, and the nodes' memory and disk. Run
// through scripts/measure-throughput.sh; --help for the options. Results: docs/PERFORMANCE.md.

import { fail, parseOptions, positiveIntegers } from '../lib/cli.js';
import { KINDS, measureThroughput } from '../lib/throughput.js';

const usage = `Usage: scripts/measure-throughput.sh [options]
  --kind K        ${KINDS.join(' or ')} (default payments)
  --senders N     citizens signing (default 1000)
  --each N        transactions each citizen signs (default 90)
  --merchants N   merchants the payments go to (default 10)
Starts the local network's four validators on 127.0.0.1 (the release build of scripts/test.sh
or cargo build --release -p seoul-node), registers and funds the citizens through the sudo key,
raises the citizens' quota to hold the flood, pre-signs every transaction, submits them all
(each citizen's to one node, in nonce order) and reports, once every node has finalised them:
transactions included a second of chain time, each block's count, build time and end reason,
the mean import time on each node, the finality lag (p50, max), resident memory and database
growth per million transactions.`;

const options = parseOptions(usage, {
  kind: { type: 'string', default: 'payments' },
  senders: { type: 'string', default: '1000' },
  each: { type: 'string', default: '90' },
  merchants: { type: 'string', default: '10' },
});
if (!KINDS.includes(options.kind)) fail(`--kind must be one of ${KINDS.join(', ')}`);
const [senders, each, merchants] = positiveIntegers(options, ['senders', 'each', 'merchants']);

const report = await measureThroughput({
  kind: options.kind, senders, each, merchants, log: (line) => console.error(line),
});
const ms = (seconds) => (seconds === null ? 'n/a' : `${Math.round(seconds * 1000)} ms`);
console.log(`${report.included} of ${report.submitted} ${report.kind} included in ${report.blocks.length} blocks, `
  + `${report.chainSeconds.toFixed(0)} s of chain time: **${report.perSecond.toFixed(0)} a second**`
  + ` (submitted in ${report.submitSeconds.toFixed(1)} s; ${report.refused} refused by the pools)`);
console.log('\n| block | transactions | built in | end | author |\n| --- | --- | --- | --- | --- |');
for (const block of report.blocks) {
  console.log(`| #${block.number} | ${block.count} | ${block.proposeMs ?? '?'} ms | ${block.endReason ?? '?'} | ${block.author ?? '?'} |`);
}
console.log(`\nfinality lag of the blocks holding the flood: p50 ${report.finalityLagSeconds.p50?.toFixed(1)} s, `
  + `max ${report.finalityLagSeconds.max?.toFixed(1)} s`);
console.log(`mean block import: ${Object.entries(report.importSeconds).map(([name, s]) => `${name} ${ms(s)}`).join(', ')}`);
console.log(`resident memory: ${Object.entries(report.residentMiB).map(([name, mib]) => `${name} ${mib.toFixed(0)} MiB`).join(', ')}`);
console.log(`database growth per million transactions: ${Object.entries(report.diskGrowthMiBPerMillion)
  .map(([name, mib]) => `${name} ${mib.toFixed(0)} MiB`).join(', ')}`);
