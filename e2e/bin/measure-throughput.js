#!/usr/bin/env node
// Measures how many transactions a second the 4-validator local network includes when its pools
// hold a flood of pre-signed transfers, QR payments or reward batches, with what each block held
// and why it ended, how long it took to execute, how long imports took, how far finality lagged,
// and the nodes' memory and disk. Run through scripts/measure-throughput.sh; --help for the
// options. Results: docs/PERFORMANCE.md.

import { fail, parseOptions, positiveIntegers } from 'seoul-chain-tools/lib/cli.js';
import {
  CITIZEN_KINDS, KINDS, MAX_REWARD_BATCH, measureThroughput,
} from '../lib/throughput.js';

/** The city's residents, whom a city-wide reward pays. */
const CITY = 9_400_000;

const usage = `Usage: scripts/measure-throughput.sh [options]
  --kind K        ${KINDS.join(' or ')} (default payments)
  --senders N     citizens signing (default 1000)
  --each N        transactions each citizen signs (default 90)
  --merchants N   merchants the payments go to (default 10)
  --batch N       rewards in each reward batch (default ${MAX_REWARD_BATCH}, the most)
  --citizens N    citizens generated in the genesis (default 1000000 for rewards and the
                  distribution, else 0); rewards go to them in turn
  --pool-limit N  the validators' --pool-limit, with --pool-kbytes at 300 bytes a transaction
                  (a reward batch's length for rewards); default: the node's own, 150000
                  transactions and 375000 KiB
Starts the local network's four validators on 127.0.0.1 (the release build of scripts/test.sh
or cargo build --release -p seoul-node), registers and funds the citizens through the sudo key,
raises the senders' quota to hold the flood, pre-signs every transaction, submits them all
(each sender's to one node, in nonce order) and reports, once every node has finalised them:
transfers, payments or rewards included a second of chain time and a second of block execution
(the blocks executed again by benchmark block), each block's count, build time, execution time
and end reason, the mean import time on each node, the finality lag (p50, max), resident memory
and database growth per million transactions. For rewards, the senders are reward issuers and
each of their transactions is a batch. For the distribution, there are no senders: the city
schedules one S-coin to every citizen, and the blocks that pay it are measured.`;

const options = parseOptions(usage, {
  kind: { type: 'string', default: 'payments' },
  senders: { type: 'string', default: '1000' },
  each: { type: 'string', default: '90' },
  merchants: { type: 'string', default: '10' },
  batch: { type: 'string', default: String(MAX_REWARD_BATCH) },
  citizens: { type: 'string' },
  'pool-limit': { type: 'string' },
});
if (!KINDS.includes(options.kind)) fail(`--kind must be one of ${KINDS.join(', ')}`);
options.citizens ??= CITIZEN_KINDS.includes(options.kind) ? '1000000' : '0';
const [senders, each, merchants, batch] = positiveIntegers(options, ['senders', 'each', 'merchants', 'batch']);
const citizens = Number(options.citizens);
if (!/^[0-9]+$/.test(options.citizens) || !Number.isSafeInteger(citizens) || citizens > 2 ** 32 - 1) {
  fail('--citizens must be a whole number below 2^32');
}
if (batch > MAX_REWARD_BATCH) fail(`--batch must be at most ${MAX_REWARD_BATCH}, the runtime's bound`);
if (CITIZEN_KINDS.includes(options.kind) && citizens === 0) {
  fail(`--citizens must be at least 1: the ${options.kind} kind pays generated citizens`);
}

const [poolLimit] = options['pool-limit'] === undefined ? [] : positiveIntegers(options, ['pool-limit']);

const report = await measureThroughput({
  kind: options.kind, senders, each, merchants, batch, citizens, poolLimit, log: (line) => console.error(line),
});
if (report.kind === 'distribution') {
  console.log(`${report.included} of ${report.accepted} citizens paid in ${report.blocks.length} blocks, `
    + `${report.chainSeconds.toFixed(0)} s of chain time: **${report.perSecond.toFixed(0)} a second**; `
    + `the distribution: ${JSON.stringify(report.distribution)}`);
} else {
  console.log(`${report.included} of ${report.submitted} ${report.kind} included in ${report.blocks.length} blocks, `
    + `${report.chainSeconds.toFixed(0)} s of chain time: **${report.perSecond.toFixed(0)} a second**`
    + ` (submitted in ${report.submitSeconds.toFixed(1)} s; ${report.refused} transactions refused by the pools)`);
}
if (report.perExecutionSecond !== null) {
  console.log(`block execution: ${report.executionSeconds.toFixed(2)} s in all, **${report.perExecutionSecond.toFixed(0)} ${report.kind} a second of execution**`);
}
if (CITIZEN_KINDS.includes(report.kind)) {
  console.log(`at this rate the city's ${CITY.toLocaleString('en')} residents take ${(CITY / report.perSecond / 60).toFixed(0)} minutes of chain time`
    + ` (${report.citizens} generated citizens in the state)`);
}
console.log(`\n| block | ${report.kind} | built in | executed in | charged | end | author |\n| --- | --- | --- | --- | --- | --- | --- |`);
const ms = (value) => (value === null || value === undefined ? '?' : `${Math.round(value)} ms`);
for (const block of report.blocks) {
  console.log(`| #${block.number} | ${block.count} | ${ms(block.proposeMs)} | ${ms(block.executionMs)} | ${ms(block.chargedMs)} | ${block.endReason ?? '?'} | ${block.author ?? '?'} |`);
}
console.log(`\nfinality lag of the blocks holding the flood: p50 ${report.finalityLagSeconds.p50?.toFixed(1)} s, `
  + `max ${report.finalityLagSeconds.max?.toFixed(1)} s`);
if (report.lost) {
  const { senders: short, transactions, probe } = report.lost;
  console.log(`never included: ${transactions} transactions of ${short} senders; the first sender's next one, `
    + `handed to the pool again: ${probe ? `"${probe.answer}"` : 'none missing by nonce'}`);
}
console.log(`what the pools did during the flood: ${Object.entries(report.poolEvents).map(([name, events]) => (
  `${name} ${Object.entries(events).map(([event, count]) => `${event} ${count}`).join(' ')}`)).join('; ')}`);
const pending = Object.entries(report.pending).filter(([, count]) => count > 0);
if (pending.length) console.log(`still in the pools when the run ended: ${pending.map(([name, count]) => `${name} ${count}`).join(', ')}`);
console.log(`mean block import: ${Object.entries(report.importSeconds).map(([name, s]) => `${name} ${s === null ? 'n/a' : `${Math.round(s * 1000)} ms`}`).join(', ')}`);
console.log(`resident memory: ${Object.entries(report.residentMiB).map(([name, mib]) => `${name} ${mib.toFixed(0)} MiB`).join(', ')}`);
console.log(`database growth per million transactions: ${Object.entries(report.diskGrowthMiBPerMillion)
  .map(([name, mib]) => `${name} ${mib.toFixed(0)} MiB`).join(', ')}`);
