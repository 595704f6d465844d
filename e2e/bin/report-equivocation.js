#!/usr/bin/env node
// Reports an Aura equivocation: two blocks of one slot sealed by the same validator, which nodes
// log ("Slot author is equivocating") but do not report. Run through
// scripts/report-equivocation.sh; --help for the options. docs/OPERATORS.md §8.

import { ApiPromise } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { u8aToBn } from '@polkadot/util';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { SS58_PREFIX } from 'seoul-chain-tools/lib/citizens.js';
import { connectTo, fail, parseOptions } from 'seoul-chain-tools/lib/cli.js';
import { eventData, submit } from '../lib/node.js';

const usage = `Usage: scripts/report-equivocation.sh --first HASH --second HASH [options]
  --first HASH       one block of the slot
  --second HASH      another block of the same slot, by the same validator
  --ws URL           node that has the first block, to which the report goes
                     (default ws://127.0.0.1:9944); it must still hold the state of that block
                     (the last 256 blocks, or any on an archive node)
  --second-ws URL    node that has the second block (default: --ws)
  --suri SURI        the reporter's key, a member's (default //Alice)
Prints the offence recorded; exits 0 once it is, 1 if the chain refuses the report (its error
named), 2 on bad input.`;

const options = parseOptions(usage, {
  first: { type: 'string' },
  second: { type: 'string' },
  ws: { type: 'string', default: 'ws://127.0.0.1:9944' },
  'second-ws': { type: 'string' },
  suri: { type: 'string', default: '//Alice' },
});
for (const name of ['first', 'second']) {
  if (!options[name]) fail(`--${name} is required\n${usage}`);
  if (!/^0x[0-9a-fA-F]{64}$/.test(options[name])) fail(`--${name} takes a block hash (0x and 64 hex digits)`);
}
if (options.first.toLowerCase() === options.second.toLowerCase()) fail('--first and --second are the same block');

await cryptoWaitReady();
let reporter;
try {
  reporter = new Keyring({ type: 'sr25519', ss58Format: SS58_PREFIX }).addFromUri(options.suri);
} catch (error) {
  fail(`invalid --suri: ${error.message}`);
}

const api = await ApiPromise.create({ provider: await connectTo(options.ws), noInitWarn: true });
const secondApi = options['second-ws']
  ? await ApiPromise.create({ provider: await connectTo(options['second-ws']), noInitWarn: true })
  : api;

/** The header `hash` on `from`, or exit 2. */
async function header(from, hash, url) {
  try {
    return await from.rpc.chain.getHeader(hash);
  } catch {
    return fail(`${url} has no block ${hash}`);
  }
}

/** The Aura slot of `block`, from its pre-runtime digest, or exit 2. */
function slotOf(block, name) {
  const preDigest = block.digest.logs.find((log) => log.isPreRuntime && log.asPreRuntime[0].toString() === 'aura');
  if (!preDigest) fail(`--${name} is not an Aura block`);
  return u8aToBn(preDigest.asPreRuntime[1].toU8a(true));
}

try {
  const first = await header(api, options.first, options.ws);
  const second = await header(secondApi, options.second, options['second-ws'] ?? options.ws);
  const slot = slotOf(first, 'first');
  if (!slot.eq(slotOf(second, 'second'))) {
    fail(`the blocks are of slots ${slot} and ${slotOf(second, 'second')}: not an equivocation`);
  }
  // The slot's author is the authority at the slot's turn, in the state the block was built on.
  const atParent = await api.at(first.parentHash);
  const authorities = await atParent.query.aura.authorities();
  const offender = authorities[slot.modn(authorities.length)];
  const proof = await (await api.at(options.first)).call.validatorSetApi.auraKeyOwnershipProof(offender);
  if (proof.isNone) fail(`the Aura key ${offender.toHex()} is no validator's at block ${options.first}`);

  const report = api.tx.validatorSet.reportAuraEquivocation(
    { offender, slot, firstHeader: first.toU8a(), secondHeader: second.toU8a() },
    proof.unwrap(),
  );
  let included;
  try {
    included = await submit(report, reporter);
  } catch (error) {
    console.error(`refused: ${error.message}`);
    process.exitCode = 1;
  }
  if (included) {
    const recorded = eventData(api, included.events, 'validatorSet', 'OffenceRecorded');
    console.log(`recorded in block ${included.blockHash.toHex()}: ${JSON.stringify(recorded.toHuman())}`);
  }
} finally {
  await Promise.all([...new Set([api, secondApi])].map((client) => client.disconnect()));
}
