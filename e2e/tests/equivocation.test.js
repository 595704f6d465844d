// An Aura equivocation on real nodes, reported with scripts/report-equivocation.sh: a development
// chain's database is copied and both copies run at once with Alice's key, unaware of each other,
// as an operator running a backup of its validator beside the validator would. Both seal a block
// in the same slots; the tool proves it with the two blocks and the runtime's key-ownership
// proof, the chain records the offence for the council, and the tool refuses bad input.

import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { runTool, startNode, waitFor } from '../lib/node.js';

const tool = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../bin/report-equivocation.js');

describe('an Aura equivocation reported on chain', () => {
  const bases = [];
  let validator;
  let backup;
  let forkedAt;

  const number = (header) => parseInt(header.number, 16);
  const best = async (node) => number(await node.call('chain_getHeader'));
  /** The hash of each block above `from` on `node`'s best chain, by its Aura slot. */
  async function blocksBySlot(node, from) {
    const slots = new Map();
    for (let height = from + 1; height <= await best(node); height += 1) {
      const hash = await node.call('chain_getBlockHash', [height]);
      const { digest } = await node.call('chain_getHeader', [hash]);
      // A pre-runtime digest: 0x06, the engine id "aura", the length and the slot (u64 LE).
      const preDigest = digest.logs.find((log) => log.startsWith('0x0661757261'));
      slots.set(Buffer.from(preDigest.slice(14), 'hex').readBigUInt64LE(), hash);
    }
    return slots;
  }

  before(async () => {
    const base = mkdtempSync(path.join(os.tmpdir(), 'seoul-equivocation-'));
    bases.push(base);
    const args = ['--dev', '--no-mdns'];
    const first = await startNode(args, { name: 'equivocation-validator', basePath: base });
    await waitFor(async () => (await best(first)) >= 2, { timeoutMs: 60_000, what: 'block 2' });
    await first.stop({ keepBasePath: true });
    const copy = mkdtempSync(path.join(os.tmpdir(), 'seoul-equivocation-backup-'));
    bases.push(copy);
    cpSync(base, copy, { recursive: true });
    [validator, backup] = await Promise.all([
      startNode(args, { name: 'equivocation-validator', basePath: base }),
      startNode(args, { name: 'equivocation-backup', basePath: copy }),
    ]);
    forkedAt = await best(validator);
  });

  after(async () => {
    await Promise.all([validator?.stop(), backup?.stop()]);
    for (const base of bases) rmSync(base, { recursive: true, force: true });
  });

  test('the validator and its backup seal blocks of the same slots; the report is recorded once', async () => {
    let shared;
    await waitFor(async () => {
      const ours = await blocksBySlot(validator, forkedAt);
      const theirs = await blocksBySlot(backup, forkedAt);
      shared = [...ours.keys()].filter((slot) => theirs.has(slot) && theirs.get(slot) !== ours.get(slot))
        .map((slot) => ({ slot, first: ours.get(slot), second: theirs.get(slot) }));
      return shared.length >= 2;
    }, { timeoutMs: 90_000, intervalMs: 3_000, what: 'two slots sealed by both' });

    const [{ first, second }, other] = shared;
    const args = ['--ws', validator.url, '--second-ws', backup.url, '--suri', '//Eve'];
    const reported = await runTool(tool, [...args, '--first', first, '--second', second]);
    assert.equal(reported.status, 0, reported.stderr);
    assert.match(reported.stdout, /recorded in block/);
    const status = await validator.call('validatorSet_status');
    const alice = status.validators[0];
    assert.equal(alice.offences.count, 1);

    const again = await runTool(tool, [...args, '--first', first, '--second', second]);
    assert.equal(again.status, 1);
    assert.match(again.stderr, /refused: validatorSet\.DuplicateOffenceReport/);
    const nextSlot = await runTool(tool, [...args, '--first', other.first, '--second', other.second]);
    assert.equal(nextSlot.status, 0, nextSlot.stderr);
    assert.equal((await validator.call('validatorSet_status')).validators[0].offences.count, 2);
  });

  test('the tool refuses what is no equivocation before it submits anything', async () => {
    const [low, high] = await Promise.all([1, 2].map((height) => validator.call('chain_getBlockHash', [height])));
    const cases = [
      [['--first', low], /--second is required/],
      [['--first', 'abc', '--second', high], /--first takes a block hash/],
      [['--first', low, '--second', low], /the same block/],
      [['--first', low, '--second', high], /not an equivocation/],
      [['--first', low, '--second', `0x${'11'.repeat(32)}`], /has no block/],
      [['--first', low, '--second', high, '--ws', 'http://127.0.0.1:1'], /ws:\/\/ or wss:\/\//],
    ];
    for (const [args, message] of cases) {
      const outcome = await runTool(tool, ['--ws', validator.url, ...args]);
      assert.equal(outcome.status, 2, `${args.join(' ')}: ${outcome.stdout}`);
      assert.match(outcome.stderr, message);
    }
  });
});
