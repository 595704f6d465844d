#!/usr/bin/env node
// A worker's career certificate from the chain's work history (`labor_history`), as the city's
// labour office, the worker or a future employer reads it; and the W3C Verifiable Credential of
// one contract that its employer attests through the Credentials pallet, so that any verifier
// checks it with `scripts/credential.sh verify`. Run through scripts/career-certificate.sh;
// --help for the commands.

import { connectTo, fail, parseCommand } from '../lib/cli.js';

const DEFAULT_WS = 'ws://127.0.0.1:9944';
/** The id of the career certificate schema the city registers (docs/schemas/). */
export const CAREER_SCHEMA_ID = 'urn:seoul:schema:career-certificate';

const usage = `Usage: scripts/career-certificate.sh <command> [options]
  print WORKER         prints the career certificate of WORKER (a did:seoul: DID or an address):
                       every part-time contract the worker signed, its employer, period, weekly
                       hours, hours confirmed and pay statements; then the same as JSON
  vc CONTRACT          prints the W3C Verifiable Credential 2.0 of contract CONTRACT, issued by
                       its employer to its worker, for the employer to attest
                       (scripts/credential.sh hash gives the hash it attests)
    --valid-from ISO   the credential's validFrom (default: now, to the second)
    --ws URL           node RPC endpoint (default ${DEFAULT_WS})
Exit status: 0 done; 2 bad usage, an unknown worker or contract, or no node.`;

const OPTIONS = {
  print: { ws: { type: 'string', default: DEFAULT_WS } },
  vc: { ws: { type: 'string', default: DEFAULT_WS }, 'valid-from': { type: 'string' } },
};

/** The one argument named on the command line. */
function oneArgument(positionals) {
  if (positionals.length !== 1) fail(`expected one argument, got ${positionals.length}\n${usage}`);
  return positionals[0];
}

/** Calls `method` on the node at `url`, exiting 2 with the node's message if it refuses. */
async function ask(provider, url, method, params) {
  try {
    return await provider.send(method, params);
  } catch (error) {
    return fail(`${method} at ${url}: ${error.message}`);
  }
}

/** Every entry of `worker`'s history, page after page. */
async function wholeHistory(provider, url, worker) {
  const entries = [];
  let start = null;
  do {
    const page = await ask(provider, url, 'labor_history', [worker, start]);
    entries.push(...page.history);
    start = page.next;
  } while (start !== null);
  return entries;
}

/** `minutes` as hours with up to two decimals. */
const hours = (minutes) => Number((minutes / 60).toFixed(2));

/** The certificate's text lines for `worker` and its `entries`. */
function certificate(worker, entries) {
  const lines = [
    '경력증명서 · Career certificate (part-time work recorded on the Seoul civic chain)',
    `Worker: ${worker}`,
    '',
  ];
  if (entries.length === 0) lines.push('No part-time contract signed.');
  for (const entry of entries) {
    lines.push(
      `Contract ${entry.contract} with ${entry.employerDid}`,
      `  period ${entry.start} to ${entry.lastDay ?? 'no fixed end'} (${entry.standing})`,
      `  ${hours(entry.weeklyMinutes)} contractual hours a week; ${hours(entry.confirmedMinutes)} hours confirmed`,
      `  ${entry.statements} pay statements, ${entry.paidGross} won gross paid, ${entry.shortfall} won short`,
    );
  }
  return lines.join('\n');
}

async function print(options, positionals) {
  const worker = oneArgument(positionals);
  const provider = await connectTo(options.ws);
  try {
    const entries = await wholeHistory(provider, options.ws, worker);
    console.log(certificate(worker, entries));
    console.log(JSON.stringify({ worker, history: entries }, null, 2));
  } finally {
    await provider.disconnect();
  }
}

async function vc(options, positionals) {
  const id = Number(oneArgument(positionals));
  if (!Number.isSafeInteger(id) || id < 0) fail(`CONTRACT must be a contract number, not "${positionals[0]}"`);
  const validFrom = options['valid-from'] ?? new Date(Math.floor(Date.now() / 1000) * 1000).toISOString().replace('.000Z', 'Z');
  if (Number.isNaN(Date.parse(validFrom))) fail(`--valid-from takes an ISO 8601 date and time, not "${validFrom}"`);
  const provider = await connectTo(options.ws);
  try {
    const record = await ask(provider, options.ws, 'labor_contract', [id]);
    if (record === null) fail(`no contract ${id} at ${options.ws}`);
    if (record.standing === 'proposed') fail(`contract ${id} was never signed`);
    const { contract } = record;
    const entries = await wholeHistory(provider, options.ws, contract.workerDid);
    const entry = entries.find((candidate) => candidate.contract === id);
    const credential = {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      type: ['VerifiableCredential', 'CareerCertificateCredential'],
      name: '경력증명서 (Career certificate)',
      issuer: { id: contract.employerDid },
      validFrom,
      credentialSchema: { id: CAREER_SCHEMA_ID, type: 'JsonSchema' },
      credentialSubject: {
        id: contract.workerDid,
        employment: {
          contract: id,
          start: contract.start,
          lastDay: entry.lastDay,
          weeklyMinutes: contract.weeklyMinutes,
          confirmedMinutes: entry.confirmedMinutes,
          duties: contract.terms.duties,
          document: contract.terms.document,
        },
      },
    };
    console.log(JSON.stringify(credential, null, 2));
  } finally {
    await provider.disconnect();
  }
}

const { command, values, positionals } = parseCommand(usage, OPTIONS);
await { print, vc }[command](values, positionals);
