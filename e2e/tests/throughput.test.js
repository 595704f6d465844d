// The throughput measurement's smoke run (scripts/measure-throughput.sh; the figures themselves
// are in docs/PERFORMANCE.md, never asserted here): a few hundred pre-signed transfers, QR
// payments and batched rewards to generated citizens flood the 4-validator local network, and
// every one submitted is included and finalised on every node, and timed again by
// `benchmark block`; a city-wide distribution pays every citizen of the same network once.

import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { runTool } from '../lib/node.js';
import { measureThroughput } from '../lib/throughput.js';

const BIN = fileURLToPath(new URL('../bin/measure-throughput.js', import.meta.url));

describe('the throughput measurement, small', () => {
  test('a pool limit that is not a positive integer is refused before any node starts', async () => {
    for (const limit of ['0', '1.5', 'lots']) {
      const { status, stderr } = await runTool(BIN, ['--pool-limit', limit]);
      assert.equal(status, 2, stderr);
      assert.match(stderr, new RegExp(`--pool-limit must be a positive integer, not "${limit}"`));
    }
  });

  // The transfers run on polkadot-sdk's default pool limit, the payments on seoul-node's own.
  for (const [kind, poolLimit] of [['transfers', 8192], ['payments', undefined]]) {
    test(`200 ${kind}: every one included and finalised on every node`, async () => {
      const report = await measureThroughput({
        kind, senders: 20, each: 10, merchants: 3, poolLimit,
      });
      assert.equal(report.refused, 0, 'the pools accepted the flood');
      assert.equal(report.included, report.submitted);
      assert.equal(report.blocks.reduce((sum, block) => sum + block.count, 0), 200);
      assert.ok(report.finalisedOnEveryNode >= Math.max(...report.blocks.map((block) => block.number)));
      assert.ok(report.blocks.every((block) => block.executionMs > 0), 'every block was executed again');
    });
  }

  test('400 rewards in batches to 300 generated citizens: every one included and finalised on every node', async () => {
    const report = await measureThroughput({ kind: 'rewards', senders: 2, each: 2, batch: 100, citizens: 300 });
    assert.equal(report.refused, 0, 'the pools accepted the flood');
    assert.equal(report.submitted, 400);
    assert.equal(report.included, 400, 'every reward was paid, none refused');
    assert.ok(report.finalisedOnEveryNode >= Math.max(...report.blocks.map((block) => block.number)));
    assert.ok(report.blocks.every((block) => block.executionMs > 0), 'every block was executed again');
  });

  test('a city-wide distribution to 300 generated citizens: every citizen paid once, and it completes', async () => {
    const report = await measureThroughput({ kind: 'distribution', citizens: 300 });
    // The generated citizens and the preset's.
    assert.ok(report.accepted >= 300);
    assert.equal(report.included, report.accepted, 'every active citizen was paid');
    assert.equal(report.distribution.status.Completed !== undefined, true, JSON.stringify(report.distribution));
    assert.equal(Number(report.distribution.paid.replaceAll(',', '')), report.accepted);
    assert.ok(report.finalisedOnEveryNode >= Math.max(...report.blocks.map((block) => block.number)));
    assert.ok(report.blocks.every((block) => block.executionMs > 0), 'every block was executed again');
  });
});
